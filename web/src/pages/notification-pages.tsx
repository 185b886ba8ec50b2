import { useEffect, useState } from 'react';
import { api } from '../api';
import type { components } from '../api-types';
import { ErrorNotice, Loading, PageTitle, useAnnounce, useLoaded } from '../components/ui';
import { formatDateTime, shortId } from '../format';
import { hasMessage, useI18n, type MessageKey } from '../i18n';
import { Link } from '../router';

// 消息通知: an applicant's in-app notices (with the unread count) and e-mail settings; the admins' dead letters.

type NotificationList = components['schemas']['NotificationListDto'];
type Notification = components['schemas']['NotificationDto'];
type Contact = components['schemas']['NotificationContactDto'];
type DeliveryList = components['schemas']['NotificationDeliveryListDto'];
type Delivery = components['schemas']['NotificationDeliveryDto'];

/** A notice's kind in words: each kind the messages name (a new one shows as news on a case until they do). */
function useKindText(): (kind: string) => string {
  const { t } = useI18n();
  return (kind) => {
    const key = `notificationKind.${kind}`;
    return hasMessage(key) ? t(key) : t('notificationKind.OTHER');
  };
}

/** The unread count for the menu: polled, so a notice that arrives shows without a reload. */
export function useUnreadCount(active: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    let stale = false;
    const load = () =>
      void api<NotificationList>('GET', '/notifications?limit=1')
        .then((list) => !stale && setCount(list.unreadCount))
        .catch(() => undefined);
    load();
    const timer = window.setInterval(load, 30_000);
    window.addEventListener('onetrip:notifications-changed', load);
    return () => {
      stale = true;
      window.clearInterval(timer);
      window.removeEventListener('onetrip:notifications-changed', load);
    };
  }, [active]);
  return count;
}

function ContactForm() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [contact, setContact] = useState<Contact | null>(null);
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'zh' | 'en'>('zh');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Contact>('GET', '/notifications/contact')
      .then((current) => {
        setContact(current);
        setLocale(current.locale);
      })
      .catch(setError);
  }, []);
  const save = async () => {
    try {
      const saved = await api<Contact>('PUT', '/notifications/contact', { body: { email: email.trim() === '' ? (contact?.email ? undefined : null) : email.trim(), locale } });
      setContact(saved);
      setEmail('');
      setError(null);
      announce(t('contactSaved'));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{t('contactTitle')}</h2>
      <p className="hint">{contact?.email ? t('contactCurrent', { email: contact.email }) : t('contactNone')}</p>
      <div className="field">
        <label htmlFor="contact-email">{t('contactEmail')}</label>
        <input id="contact-email" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="contact-locale">{t('contactLocale')}</label>
        <select id="contact-locale" value={locale} onChange={(event) => setLocale(event.target.value as 'zh' | 'en')}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <button type="submit" className="button">
        {t('contactSave')}
      </button>
    </form>
  );
}

export function MessagesPage() {
  const { t, lang } = useI18n();
  const kindText = useKindText();
  const { data: list, error, run } = useLoaded<NotificationList>('/notifications?limit=50');
  const markRead = (notice: Notification) =>
    run(async () => {
      await api<Notification>('POST', `/notifications/${notice.id}/read`);
      window.dispatchEvent(new Event('onetrip:notifications-changed'));
    });
  return (
    <>
      <PageTitle title={t('messagesTitle')}>{t('messagesTitle')}</PageTitle>
      {error !== null && <ErrorNotice error={error} />}
      {!list && error === null && <Loading />}
      {list && (
        <>
          <p data-testid="unread-count">{t('messagesUnread', { n: list.unreadCount })}</p>
          {list.items.length === 0 ? (
            <p>{t('messagesEmpty')}</p>
          ) : (
            <ul className="messages" data-testid="messages">
              {list.items.map((notice) => (
                <li key={notice.id} className={notice.readAt ? 'message' : 'message message--unread'}>
                  <p>
                    <strong>{kindText(notice.kind)}</strong> ·{' '}
                    {/* A process whose form names no enterprise: the case by its number alone. */}
                    <Link href={`/cases/${notice.caseId}`}>{notice.enterpriseName ?? t('caseTitle', { id: shortId(notice.caseId) })}</Link>
                    {notice.enterpriseName && ` (${t('caseTitle', { id: shortId(notice.caseId) })})`}
                  </p>
                  <p className="hint">{formatDateTime(notice.createdAt, lang)}</p>
                  {notice.readAt ? (
                    <p className="hint">{t('messageRead')}</p>
                  ) : (
                    <button type="button" className="button button--quiet" onClick={() => void markRead(notice)}>
                      {t('messageMarkRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ContactForm />
    </>
  );
}

export function DeadLettersPage() {
  const { t, lang } = useI18n();
  const kindText = useKindText();
  const announce = useAnnounce();
  const { data: list, error, run } = useLoaded<DeliveryList>('/admin/notification-deliveries?status=DEAD&limit=100');
  const retry = (delivery: Delivery) =>
    run(async () => {
      await api<Delivery>('POST', `/admin/notification-deliveries/${delivery.id}/retry`);
      announce(t('deadLetterRetried'));
    });
  return (
    <>
      <PageTitle title={t('deadLettersTitle')}>{t('deadLettersTitle')}</PageTitle>
      <p>{t('deadLettersIntro')}</p>
      {error !== null && <ErrorNotice error={error} />}
      {!list && error === null && <Loading />}
      {list && list.items.length === 0 && <p>{t('deadLettersEmpty')}</p>}
      {list && list.items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="dead-letters">
            <thead>
              <tr>
                <th scope="col">{t('colCase')}</th>
                <th scope="col">{t('colNotification')}</th>
                <th scope="col">{t('colChannel')}</th>
                <th scope="col">{t('colAttempts')}</th>
                <th scope="col">{t('colLastError')}</th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <Link href={`/admin/cases/${delivery.caseId}`}>{t('caseTitle', { id: shortId(delivery.caseId) })}</Link>
                  </td>
                  <td>{kindText(delivery.kind)}</td>
                  <td>{t(`channel.${delivery.channel}` as MessageKey)}</td>
                  <td>
                    {delivery.attempts}
                    <div className="hint">{formatDateTime(delivery.updatedAt, lang)}</div>
                  </td>
                  <td>{delivery.lastError ?? '—'}</td>
                  <td>
                    <button type="button" className="button" onClick={() => void retry(delivery)}>
                      {t('deadLetterRetry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
