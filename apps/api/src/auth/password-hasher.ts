import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash base64): a salted, memory-hard hash
// whose parameters travel with it, so they can be raised later without breaking stored hashes.

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/**
 * 2^17 × 8 × 128 bytes = 128 MiB per hash (OWASP's scrypt minimum): slow and memory-hungry for a guesser,
 * fine for a sign-in. Hashes made with weaker parameters are rehashed at the next successful sign-in.
 */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };
/** The cheapest N the API may be configured with (PASSWORD_SCRYPT_N; outside production only, where hashes guard test accounts). */
export const MIN_SCRYPT_N = 2 ** 10;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Limits on what a stored hash may ask for, so a corrupt row cannot make a login eat the server.
export const MAX_SCRYPT_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, keyLength: number, { N, r, p }: ScryptParameters): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (128 MiB at the default); Node refuses anything past 32 MiB unless told.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r + 2 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The parameters new hashes are made with for a configured N (r and p stay the default's). */
export function scryptParametersFor(N: number): ScryptParameters {
  return { ...DEFAULT_SCRYPT, N };
}

export async function hashPassword(password: string, parameters: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, parameters);
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parseHash(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const isPowerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > MAX_SCRYPT_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length === 0 || key.length === 0) return null;
  return { parameters: { N, r, p }, salt, key };
}

/** True if the password matches the stored hash; compared in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.parameters);
  return timingSafeEqual(key, parsed.key);
}

/** True when `stored` was made with weaker parameters than `target` (or cannot be read): rehash it. */
export function needsRehash(stored: string, target: ScryptParameters = DEFAULT_SCRYPT): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false; // a malformed hash never verifies, so there is nothing to rehash
  const { N, r, p } = parsed.parameters;
  return N < target.N || r < target.r || p < target.p;
}

/**
 * Stored for an account opened for someone else (the window, for a walk-in): no password matches it, and
 * sign-in answers as slowly as for a wrong password. The applicant sets a password of their own later.
 */
export const UNSET_PASSWORD_HASH = '!unset';

export function isPasswordSet(stored: string): boolean {
  return stored !== UNSET_PASSWORD_HASH;
}
