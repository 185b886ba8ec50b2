import type { DeliveryMethod } from '../application/application-form';

// 一次办好: all results (licence, seals, UKey, account papers) are handed over together, either at one
// pickup from the window (one trip, 最多跑一次) or by free mail (zero trips, 零跑腿).

/** Trips to the service hall the applicant makes to collect the results. */
export function tripsRequired(method: DeliveryMethod): 0 | 1 {
  switch (method) {
    case 'WINDOW_PICKUP':
      return 1;
    case 'FREE_MAIL':
      return 0;
  }
}

// S10 (UPU) item numbers: two letters, eight serial digits, a check digit, the country.
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The S10 check digit of an eight-digit serial. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError('An S10 serial has eight digits');
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * S10_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** An S10 item number: `prefix` (two capital letters) + eight serial digits + their check digit + `country`. */
export function s10Number(prefix: string, serial: string, country = 'CN'): string {
  if (!/^[A-Z]{2}$/.test(prefix) || !/^[A-Z]{2}$/.test(country)) throw new RangeError('An S10 prefix and country are two capital letters');
  return `${prefix}${serial}${s10CheckDigit(serial)}${country}`;
}

/** Whether `value` is an S10 item number whose check digit is right (what a postal system answers is checked). */
export function isS10Number(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(value);
  return match !== null && s10CheckDigit(match[1]) === Number(match[2]);
}

/**
 * Until issue 17 a free-mail handover showed this number derived from the licence; the postal service's own system
 * now issues the item number (the worker's shipment, outcome.mailTrackingNumber). Kept for documents made before.
 * The mail item number of a free-mail handover (政务专递), one per licence: an EMS-style S10 number whose
 * serial is derived from the licence number, so every page and document shows the same one. It stands in
 * for the number the postal service returns once a postal connector hands the parcel over.
 */
export function mailTrackingNumber(licenseNumber: string): string {
  // FNV-1a over the licence number's UTF-16 units: stable, spread over the eight digits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < licenseNumber.length; i++) {
    hash ^= licenseNumber.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const serial = String(hash % 100_000_000).padStart(8, '0');
  return `EA${serial}${s10CheckDigit(serial)}CN`;
}
