import { Money } from '@onetrip/domain';
import type { Lang, Translate } from './i18n';

// Times are shown in Asia/Shanghai, where the service hall is, whatever the browser's zone.

export function formatDateTime(iso: string | undefined | null, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** A span of minutes for people: '45 min', '3 h 20 min', '2 d 4 h'. */
export function formatMinutes(minutes: number, t: Translate): string {
  const total = Math.max(0, Math.round(minutes));
  if (total < 1) return t('underAMinute');
  if (total < 60) return t('minutesShort', { n: total });
  if (total < 24 * 60) return t('hoursMinutes', { h: Math.floor(total / 60), m: total % 60 });
  return t('daysHours', { d: Math.floor(total / (24 * 60)), h: Math.floor((total % (24 * 60)) / 60) });
}

export function minutesBetween(fromIso: string, to: Date): number {
  return (to.getTime() - new Date(fromIso).getTime()) / 60_000;
}

/** '1060.00' → '¥1,060.00'; anything unparseable is shown as it came. */
export function formatMoney(amount: string | undefined | null): string {
  if (amount === undefined || amount === null) return '—';
  return Money.isValid(amount) ? Money.parse(amount).toDisplayString() : amount;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
