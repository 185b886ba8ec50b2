import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// A device cookie (OWASP's answer to lock-out): after a successful sign-in the browser gets a cookie bound
// to that username. Sign-in attempts that bring a valid one are counted per device, not per username, so
// a guesser spending the username's counter from elsewhere does not lock the owner out of their own device.

export const DEVICE_COOKIE = 'onetrip_device';
/** How long a device stays known: about half a year. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export class DeviceCookies {
  private readonly key: Buffer;

  /** `secret`: the API's signing secret; a key of its own is derived from it for this one use. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('onetrip device cookie v1').digest();
  }

  issue(username: string): string {
    const nonce = randomBytes(16).toString('base64url');
    return `${nonce}.${this.mac(username, nonce)}`;
  }

  /** The device's id (its nonce) when `value` was issued for `username`; else null. */
  verify(value: string | undefined, username: string): string | null {
    const match = value === undefined ? null : /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
    if (!match) return null;
    const expected = Buffer.from(this.mac(username, match[1]));
    const given = Buffer.from(match[2]);
    return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : null;
  }

  private mac(username: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${normalUsername(username)}\n${nonce}`).digest('base64url');
  }
}

/** The form a username is counted and bound under. */
export function normalUsername(username: string): string {
  return username.trim().toLowerCase().slice(0, 200);
}

/** One cookie's value from a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
