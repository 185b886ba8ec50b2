import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

/** How one ring's settings are worded and checked (the personal-data ring, the document signing keys). */
export interface KeyListFormat {
  bytes: number;
  /** e.g. 'keyId:base64key', named in the error for a malformed entry. */
  entryShape: string;
  /** What a wrong value must be, after `key "<id>" `. */
  badValue: string;
  fail: (message: string) => Error;
}

/**
 * `id:base64,id:base64` → raw keys by id, each exactly `format.bytes` long; `activeKeyId` must be one of
 * them. Errors never quote a key.
 */
export function parseKeyList(keys: string, activeKeyId: string, format: KeyListFormat): Map<string, Buffer> {
  const ring = new Map<string, Buffer>();
  for (const entry of keys.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    const encoded = entry.slice(separator + 1);
    if (!KEY_ID.test(id)) throw format.fail(`each entry must be ${format.entryShape} with an id of letters, digits, . _ - (entry ${ring.size + 1})`);
    if (ring.has(id)) throw format.fail(`key id "${id}" appears twice`);
    const key = Buffer.from(encoded, 'base64');
    // Buffer.from skips characters that are not base64: compare to catch a truncated or mistyped key.
    if (key.length !== format.bytes || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
      throw format.fail(`key "${id}" ${format.badValue}`);
    }
    ring.set(id, key);
  }
  if (ring.size === 0) throw format.fail('no key given');
  if (!ring.has(activeKeyId)) throw format.fail(`the active key id "${activeKeyId}" is not in the key list`);
  return ring;
}

/**
 * AES-256 keys by id, one of them active for new encryption. Older ids stay in the ring so data
 * written under them still decrypts after a rotation.
 */
export class KeyRing {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {}

  /** `keys` is `id:base64key,id:base64key`; `activeKeyId` must be one of them. Errors never quote a key. */
  static parse(keys: string, activeKeyId: string): KeyRing {
    const ring = parseKeyList(keys, activeKeyId, {
      bytes: KEY_BYTES,
      entryShape: 'keyId:base64key',
      badValue: `must be ${KEY_BYTES} bytes in base64 (e.g. openssl rand -base64 32)`,
      fail: (message) => new KeyRingError(message),
    });
    return new KeyRing(ring, activeKeyId);
  }

  /** A fresh key ring setting (`id:base64key`) for development and test runs. */
  static generateSetting(keyId: string): string {
    return `${keyId}:${randomBytes(KEY_BYTES).toString('base64')}`;
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** AES-256-GCM under the active key: iv ‖ ciphertext ‖ tag. The key id is authenticated too. */
  encrypt(plaintext: Uint8Array): { keyId: string; sealed: Buffer } {
    const keyId = this.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(keyId), iv);
    cipher.setAAD(Buffer.from(keyId));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { keyId, sealed: Buffer.concat([iv, body, cipher.getAuthTag()]) };
  }

  decrypt(keyId: string, sealed: Uint8Array): Buffer {
    const data = Buffer.from(sealed);
    if (data.length < IV_BYTES + TAG_BYTES) throw new KeyRingError(`sealed data under key "${keyId}" is too short`);
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new KeyRingError(`cannot decrypt with key "${keyId}": wrong key or altered data`);
    }
  }

  private key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) throw new KeyRingError(`unknown key id "${keyId}": add it to the key list to read data written under it`);
    return key;
  }
}
