// Formatting with no words of its own (no i18n table), so unit tests run it as plain TypeScript. Times
// are shown in Asia/Shanghai, where the service hall is, whatever the browser's zone.

export type FormatLang = 'zh' | 'en';

// English dates read '1 Dec 2026, 14:30': en-GB's numeric 01/12/2026 is 12 January to half the readers.
const DATE_TIME: Record<FormatLang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
};
const TIME_OF_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

export function formatDateTime(iso: string | undefined | null, lang: FormatLang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return DATE_TIME[lang].format(date);
}

/** 'HH:MM' in Shanghai time (when a page last heard from the server). */
export function formatTimeOfDay(date: Date): string {
  return TIME_OF_DAY.format(date);
}

/** Whole minutes (never below zero) as hours and minutes. */
export function hoursAndMinutes(minutes: number): { h: number; m: number } {
  const total = Math.max(0, Math.round(minutes));
  return { h: Math.floor(total / 60), m: total % 60 };
}

/** A bank account number as typed ('6222 0202 0011-2233 445') → its digits; null when not digits only. */
export function normaliseAccountNumber(text: string): string | null {
  const digits = text.replace(/[\s\u3000-]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}
