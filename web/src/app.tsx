import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SESSION_ENDED_EVENT, signOut } from './api';
import { Announcer, PageTitle } from './components/ui';
import { homeFor } from './home';
import { useI18n, type MessageKey } from './i18n';
import { AdminCasePage, MetricsPage, StuckCasesPage } from './pages/admin-pages';
import { RegisterPage, SignInPage } from './pages/auth-pages';
import { MyCasesPage, NewCasePage, WindowNewPage, WindowPage } from './pages/case-list-pages';
import { CasePage } from './pages/case-page';
import { VerifyPage } from './pages/document-pages';
import { EnterpriseListPage, EnterprisePage } from './pages/enterprise-pages';
import { ProcessListPage, ProcessVersionPage } from './pages/process-admin-pages';
import { ProcessApplyPage, ProcessCatalogPage } from './pages/process-pages';
import { InboxPage, TaskPage } from './pages/clerk-pages';
import { NoticesPage } from './pages/notice-pages';
import { DeadLettersPage, MessagesPage, useUnreadCount } from './pages/notification-pages';
import { Link, match, navigate, usePath } from './router';
import { lastSignedOut, useSession, type Role, type Session } from './session';

// The shell: header with the language switch and sign-out, a menu per role, and the routes.

const NAV: Record<Role, Array<{ href: string; label: MessageKey }>> = {
  APPLICANT: [
    { href: '/cases', label: 'navMyCases' },
    { href: '/cases/new', label: 'navNewCase' },
    { href: '/apply', label: 'navOtherProcesses' },
    { href: '/notices', label: 'navNotices' },
    { href: '/enterprises', label: 'navEnterprises' },
    { href: '/messages', label: 'navMessages' },
  ],
  CLERK: [{ href: '/inbox', label: 'navInbox' }],
  WINDOW: [
    { href: '/window', label: 'navWindow' },
    { href: '/window/new', label: 'navWindowNew' },
    { href: '/window/apply', label: 'navOtherProcesses' },
    { href: '/enterprises', label: 'navFindEnterprise' },
  ],
  ADMIN: [
    { href: '/admin', label: 'navStuck' },
    { href: '/admin/metrics', label: 'navMetrics' },
    { href: '/admin/processes', label: 'navProcesses' },
    { href: '/admin/notifications', label: 'navDeadLetters' },
  ],
};

type Route = { pattern: string; roles: Role[] | null; render: (params: Record<string, string>, session: Session | null) => ReactNode };

const ROUTES: Route[] = [
  { pattern: '/register', roles: null, render: () => <RegisterPage /> },
  { pattern: '/verify/:code', roles: null, render: (p) => <VerifyPage key={p.code} code={p.code} /> },
  { pattern: '/notices', roles: null, render: (_p, s) => <NoticesPage session={s} /> },
  { pattern: '/cases', roles: ['APPLICANT'], render: () => <MyCasesPage /> },
  { pattern: '/cases/new', roles: ['APPLICANT'], render: (_p, s) => <NewCasePage session={s as Session} /> },
  { pattern: '/cases/:id', roles: ['APPLICANT', 'WINDOW'], render: (p, s) => <CasePage key={p.id} id={p.id} session={s as Session} /> },
  { pattern: '/inbox', roles: ['CLERK'], render: (_p, s) => <InboxPage session={s as Session} /> },
  { pattern: '/tasks/:id', roles: ['CLERK'], render: (p, s) => <TaskPage key={p.id} id={p.id} session={s as Session} /> },
  { pattern: '/window', roles: ['WINDOW'], render: () => <WindowPage /> },
  { pattern: '/window/new', roles: ['WINDOW'], render: (_p, s) => <WindowNewPage session={s as Session} /> },
  { pattern: '/apply', roles: ['APPLICANT'], render: () => <ProcessCatalogPage mode="APPLICANT" /> },
  { pattern: '/apply/:key', roles: ['APPLICANT'], render: (p, s) => <ProcessApplyPage key={p.key} processKey={p.key} session={s as Session} mode="APPLICANT" /> },
  { pattern: '/window/apply', roles: ['WINDOW'], render: () => <ProcessCatalogPage mode="WINDOW" /> },
  { pattern: '/window/apply/:key', roles: ['WINDOW'], render: (p, s) => <ProcessApplyPage key={p.key} processKey={p.key} session={s as Session} mode="WINDOW" /> },
  { pattern: '/enterprises', roles: ['APPLICANT', 'WINDOW', 'ADMIN'], render: (_p, s) => <EnterpriseListPage session={s as Session} /> },
  { pattern: '/enterprises/:id', roles: ['APPLICANT', 'WINDOW', 'ADMIN'], render: (p, s) => <EnterprisePage key={p.id} id={p.id} session={s as Session} /> },
  { pattern: '/admin', roles: ['ADMIN'], render: () => <StuckCasesPage /> },
  { pattern: '/admin/processes', roles: ['ADMIN'], render: () => <ProcessListPage /> },
  { pattern: '/admin/processes/:key/versions/:version', roles: ['ADMIN'], render: (p) => <ProcessVersionPage key={`${p.key}@${p.version}`} processKey={p.key} version={Number(p.version)} /> },
  { pattern: '/admin/metrics', roles: ['ADMIN'], render: () => <MetricsPage /> },
  { pattern: '/admin/notifications', roles: ['ADMIN'], render: () => <DeadLettersPage /> },
  { pattern: '/messages', roles: ['APPLICANT'], render: () => <MessagesPage /> },
  { pattern: '/admin/cases/:id', roles: ['ADMIN'], render: (p) => <AdminCasePage key={p.id} id={p.id} /> },
];

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('notFoundTitle')}>{t('notFoundTitle')}</PageTitle>
      <p>
        <Link href="/">{t('backHome')}</Link>
      </p>
    </>
  );
}

function Header({ session }: { session: Session | null }) {
  const { t, lang, setLang } = useI18n();
  const path = usePath();
  const pathname = path.split('?')[0];
  const unread = useUnreadCount(session?.user.role === 'APPLICANT');
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            一
          </span>
          <span>
            <span className="brand-name">{t('appName')}</span>
            <span className="brand-tagline">{t('appTagline')}</span>
          </span>
        </Link>
        <div className="header-tools">
          {/* Named by its visible text (WCAG 2.5.3, label in name); what it does is its description. */}
          <button type="button" className="button button--quiet lang-switch" lang={lang === 'zh' ? 'en' : 'zh-CN'} title={t('switchLanguage')} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('otherLanguage')}
          </button>
          {session && (
            <>
              <span className="who">{t('signedInAs', { name: session.user.username, role: t(`role.${session.user.role}`) })}</span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  void signOut();
                  navigate('/sign-in');
                }}
              >
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </div>
      {session && (
        <nav aria-label={t('mainNav')} className="site-nav">
          <ul>
            {NAV[session.user.role].map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={pathname === item.href ? 'page' : undefined}>
                  {item.href === '/messages' && unread > 0 ? t('navMessagesUnread', { n: unread }) : t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

export function App() {
  const { t } = useI18n();
  const session = useSession();
  const path = usePath();
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    const onEnded = () => {
      setEnded(true);
      navigate('/sign-in');
    };
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
  }, []);

  let content: ReactNode = null;
  const pathname = path.split('?')[0];
  if (pathname === '/' || pathname === '') {
    content = null;
  } else if (pathname === '/sign-in') {
    content = <SignInPage message={ended ? t('errSession') : null} />;
  } else {
    for (const route of ROUTES) {
      const params = match(route.pattern, path);
      if (!params) continue;
      if (route.roles && !session) content = <SignInPage message={null} />;
      else if (route.roles && session && !route.roles.includes(session.user.role)) content = <NotFound />;
      else content = route.render(params, session);
      break;
    }
    content ??= <NotFound />;
  }

  useEffect(() => {
    if (pathname === '/' || pathname === '') navigate(homeFor(session), { replace: true });
    else if (pathname === '/sign-in' && session) navigate(homeFor(session), { replace: true });
  }, [pathname, session]);

  // A sign-in on a page shown without a session (Back after someone signed out, an old link) stays there
  // only if the page is for this person's role and nobody else signed out of this tab: otherwise the
  // previous user's page would greet the next one with "not yours" and no way on.
  const signedInAs = useRef<string | null>(session?.user.id ?? null);
  useEffect(() => {
    const before = signedInAs.current;
    signedInAs.current = session?.user.id ?? null;
    if (before !== null || !session || pathname === '/' || pathname === '' || pathname === '/sign-in') return;
    const route = ROUTES.find((candidate) => match(candidate.pattern, path) !== null);
    const fits = route !== undefined && (route.roles === null || route.roles.includes(session.user.role));
    const previous = lastSignedOut();
    if (!fits || (previous !== null && previous !== session.user.id)) navigate(homeFor(session), { replace: true });
  }, [session, pathname, path]);

  return (
    <Announcer>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Header session={session} />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </Announcer>
  );
}
