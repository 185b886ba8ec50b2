import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { parseKeyList } from './key-ring';

const SEED_BYTES = 32;
// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): the fixed prefix, then the 32 bytes.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export class DocumentSigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentSigningKeyError';
  }
}

/** The bytes a document's signature covers: its content as canonical JSON, UTF-8. */
export function documentBytes(content: unknown): Buffer {
  return Buffer.from(canonicalJson(content), 'utf8');
}

/** sha256 of the canonical bytes, hex: stored beside the signature, so a changed content is seen at once. */
export function documentHash(content: unknown): string {
  return createHash('sha256').update(documentBytes(content)).digest('hex');
}

export type DocumentCheck = { ok: true } | { ok: false; reason: 'UNKNOWN_KEY' | 'SIGNATURE_INVALID' | 'CONTENT_HASH_MISMATCH' };

/**
 * Ed25519 keys by id (`DOCUMENT_SIGNING_KEYS`: `id:base64seed,…`, 32-byte seeds), one active for new
 * documents. A retired key stays listed so what it signed still verifies; the key id travels with each
 * document. Errors never quote a key.
 */
export class DocumentSigner {
  private constructor(
    private readonly keys: ReadonlyMap<string, { privateKey: KeyObject; publicKey: KeyObject }>,
    readonly activeKeyId: string,
  ) {}

  static parse(keys: string, activeKeyId: string): DocumentSigner {
    const seeds = parseKeyList(keys, activeKeyId, {
      bytes: SEED_BYTES,
      entryShape: 'keyId:base64seed',
      badValue: `must be a ${SEED_BYTES}-byte Ed25519 seed in base64 (e.g. openssl rand -base64 32)`,
      fail: (message) => new DocumentSigningKeyError(message),
    });
    const ring = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();
    for (const [id, seed] of seeds) {
      const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
      ring.set(id, { privateKey, publicKey: createPublicKey(privateKey) });
    }
    return new DocumentSigner(ring, activeKeyId);
  }

  /** A fresh setting (`id:base64seed`) for development and test runs. */
  static generateSetting(keyId: string): string {
    return `${keyId}:${randomBytes(SEED_BYTES).toString('base64')}`;
  }

  /** The public key of an id (SPKI PEM), for anyone who wants to check a document offline. */
  publicKeyPem(keyId: string): string | null {
    return this.keys.get(keyId)?.publicKey.export({ format: 'pem', type: 'spki' }).toString() ?? null;
  }

  keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** Signs content that already names the active key id (`content.keyId`), so the id is signed too. */
  sign(content: { keyId: string }): { signature: string; contentHash: string } {
    if (content.keyId !== this.activeKeyId) throw new DocumentSigningKeyError(`content names key "${content.keyId}", the active key is "${this.activeKeyId}"`);
    const bytes = documentBytes(content);
    return { signature: sign(null, bytes, this.keys.get(this.activeKeyId)!.privateKey).toString('base64'), contentHash: documentHash(content) };
  }

  /** Checks the stored hash and the signature under the key the content names. */
  check(content: { keyId: string }, signature: string, contentHash: string): DocumentCheck {
    const key = this.keys.get(content.keyId);
    if (!key) return { ok: false, reason: 'UNKNOWN_KEY' };
    const bytes = documentBytes(content);
    if (createHash('sha256').update(bytes).digest('hex') !== contentHash) return { ok: false, reason: 'CONTENT_HASH_MISMATCH' };
    return verify(null, bytes, key.publicKey, Buffer.from(signature, 'base64')) ? { ok: true } : { ok: false, reason: 'SIGNATURE_INVALID' };
  }
}
