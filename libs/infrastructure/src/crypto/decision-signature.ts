import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json';

const KEY_BYTES = 32;
const VERSION = 'v1';

export class DecisionSigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionSigningKeyError';
  }
}

/** What a signature vouches for: one decision on one task of one case, by one person, at one time. */
export interface DecisionClaims {
  caseId: string;
  taskId: string;
  decision: string;
  actorId: string;
  /** ISO time the API signed it; the verifier refuses one too far from the workflow's decision time. */
  signedAt: string;
  outputs?: Record<string, string>;
  items?: { field: string; reason: string }[];
  reason?: string;
}

function claimsText(claims: DecisionClaims): string {
  const { caseId, taskId, decision, actorId, signedAt, outputs, items, reason } = claims;
  return canonicalJson({ caseId, taskId, decision, actorId, signedAt, outputs, items, reason });
}

/** A command on a whole case (an applicant's correction or cancellation, an admin's reopening or cancellation), as signed. */
export type CommandClaims =
  | { command: 'cancelCase'; caseId: string; actorId: string; reason: string; signedAt: string }
  | { command: 'reopenStep'; caseId: string; actorId: string; department: string; reason: string; signedAt: string }
  | { command: 'submitCorrection'; caseId: string; actorId: string; correctionId: string; round: number; signedAt: string };

/** What the API adds to a command's Update: when it signed, and the signature. */
export interface CommandSignature {
  signedAt?: string;
  signature?: string;
}

// Unsigned claims, one of CommandClaims without its signing time (distributive, so each command keeps its fields).
type UnsignedCommand<T = CommandClaims> = T extends CommandClaims ? Omit<T, 'signedAt'> : never;

function commandText(claims: CommandClaims): string {
  // The `command` key is never in a decision's text: one kind of signature cannot stand in for another.
  const { command, caseId, actorId, signedAt } = claims;
  const fields =
    claims.command === 'cancelCase'
      ? { reason: claims.reason }
      : claims.command === 'reopenStep'
        ? { department: claims.department, reason: claims.reason }
        : { correctionId: claims.correctionId, round: claims.round };
  return canonicalJson({ command, caseId, actorId, signedAt, ...fields });
}

/**
 * HMAC-SHA256 over a clerk's decision, made by the API and checked by the worker's activity before
 * anything is written: a decision sent straight to Temporal (not through the API's checks) is refused.
 * The key is shared by the API and the worker only; workflow code never sees it (it must replay deterministically).
 */
export class DecisionSigner {
  private constructor(private readonly key: Buffer | null) {}

  /** Signs nothing and checks nothing: development without DECISION_SIGNING_KEY only (refused in production). */
  static disabled(): DecisionSigner {
    return new DecisionSigner(null);
  }

  /** From the DECISION_SIGNING_KEY setting; empty gives a disabled signer. */
  static fromSetting(setting: string): DecisionSigner {
    return setting ? DecisionSigner.parse(setting) : DecisionSigner.disabled();
  }

  /** `setting` is base64 of at least 32 random bytes (`openssl rand -base64 32`). Errors never quote the key. */
  static parse(setting: string): DecisionSigner {
    const encoded = setting.trim();
    const key = Buffer.from(encoded, 'base64');
    if (key.length < KEY_BYTES || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
      throw new DecisionSigningKeyError(`must be at least ${KEY_BYTES} bytes in base64 (e.g. openssl rand -base64 32)`);
    }
    return new DecisionSigner(key);
  }

  /** A new random key setting (the launcher and the tests make one). */
  static generateSetting(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }

  get enabled(): boolean {
    return this.key !== null;
  }

  sign(claims: DecisionClaims): string {
    return this.mac(claimsText(claims));
  }

  verify(claims: DecisionClaims, signature: string | undefined): boolean {
    return this.matches(claimsText(claims), signature);
  }

  signCommand(claims: CommandClaims): string {
    return this.mac(commandText(claims));
  }

  verifyCommand(claims: CommandClaims, signature: string | undefined): boolean {
    return this.matches(commandText(claims), signature);
  }

  /** The signing time and signature the API adds to a command's Update; nothing when signing is disabled (development only). */
  commandSignature(claims: UnsignedCommand, now: Date = new Date()): CommandSignature {
    if (!this.enabled) return {};
    const signedAt = now.toISOString();
    return { signedAt, signature: this.signCommand({ ...claims, signedAt } as CommandClaims) };
  }

  private mac(text: string): string {
    if (!this.key) throw new DecisionSigningKeyError('is not set: decisions cannot be signed');
    return `${VERSION}.${createHmac('sha256', this.key).update(text).digest('base64url')}`;
  }

  private matches(text: string, signature: string | undefined): boolean {
    if (!this.key || typeof signature !== 'string' || !signature.startsWith(`${VERSION}.`)) return false;
    const expected = Buffer.from(this.mac(text));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** How far the API's signing time may be from the workflow's decision time (clock skew and a slow Update). */
export const DECISION_SIGNATURE_MAX_AGE_MS = 10 * 60_000;
