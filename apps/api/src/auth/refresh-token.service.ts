import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUuid } from '@onetrip/domain';
import { AppError } from '../common/app-error';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** How long a session lasts after sign-in, however often it is refreshed (refreshing does not extend it). */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
const PRUNE_SHARE = 0.01;

// A refresh token is `<id>.<secret>`: the id finds the row, the secret (256 random bits) is stored only as
// its SHA-256 (a slow hash buys nothing against a random secret).
const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

function parse(token: string): { id: string; secret: string } | null {
  const [id, secret, ...rest] = token.split('.');
  return rest.length === 0 && isUuid(id) && typeof secret === 'string' && /^[A-Za-z0-9_-]{43}$/.test(secret) ? { id, secret } : null;
}

/** Refresh tokens in PostgreSQL: one family per sign-in, rotated on every use; reuse or sign-out revokes the family. */
@Injectable()
export class RefreshTokenService {
  constructor(private readonly tokens: RefreshTokensRepository) {}

  /** A new family for a sign-in; its first token. */
  async start(userId: string): Promise<string> {
    // Now and then, forget families long over (not awaited: housekeeping, retried by a later sign-in).
    if (Math.random() < PRUNE_SHARE) {
      void this.tokens.pruneExpired().catch(() => undefined);
    }
    return this.insert(undefined, userId, randomUUID(), new Date(Date.now() + SESSION_LIFETIME_SECONDS * 1000));
  }

  /**
   * Uses a refresh token once and returns its user and the family's next token. A token already used
   * (replayed by whoever copied it) revokes its whole family: 401 REFRESH_TOKEN_REUSED.
   */
  async rotate(token: string): Promise<{ userId: string; refreshToken: string }> {
    const parsed = parse(token);
    if (!parsed) throw invalid();
    const hash = hashOf(parsed.secret);
    // One transaction: the token is marked used only together with its successor existing.
    const rotated = await this.tokens.transaction(async (manager) => {
      const used = await this.tokens.markUsed(manager, parsed.id, hash);
      if (!used) return null;
      return { userId: used.userId, refreshToken: await this.insert(manager, used.userId, used.familyId, used.expiresAt) };
    });
    if (rotated) return rotated;
    const revoked = await this.tokens.revokeFamilyOfUsed(parsed.id, hash);
    if (revoked > 0) throw new AppError('REFRESH_TOKEN_REUSED', 'This refresh token was used before: the session is ended, sign in again');
    throw invalid();
  }

  /** Ends the session the token belongs to (its whole family). Unknown or already revoked tokens change nothing. */
  async revoke(token: string): Promise<void> {
    const parsed = parse(token);
    if (!parsed) return;
    await this.tokens.revokeFamilyOf(parsed.id, hashOf(parsed.secret));
  }

  private async insert(manager: EntityManager | undefined, userId: string, familyId: string, expiresAt: Date): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.tokens.insert(manager, { id, familyId, userId, tokenHash: hashOf(secret), expiresAt });
    return `${id}.${secret}`;
  }
}

const invalid = (): AppError => new AppError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid, expired or revoked: sign in again');
