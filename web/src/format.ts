import { Money } from '@onetrip/domain';
import type { Translate } from './i18n';
import { hoursAndMinutes } from './plain-format';

// Times are shown in Asia/Shanghai, where the service hall is, whatever the browser's zone.

export { formatDateTime, formatTimeOfDay, normaliseAccountNumber } from './plain-format';

/** Working time left, in working hours (not clock hours): '16 工作小时', '3 working h 20 min'. */
export function formatWorkingMinutes(minutes: number, t: Translate): string {
  const { h, m } = hoursAndMinutes(minutes);
  if (h === 0) return t('workingMinutesN', { m });
  return m === 0 ? t('workingHoursN', { h }) : t('workingHoursMinutes', { h, m });
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
