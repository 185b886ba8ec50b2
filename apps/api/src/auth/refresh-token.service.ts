import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '@onetrip/domain';
import { AppError } from '../common/app-error';

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

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, count], an INSERT/SELECT with rows. */
function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}

interface UsedRow {
  user_id: string;
  family_id: string;
  expires_at: Date;
}

/** Refresh tokens in PostgreSQL: one family per sign-in, rotated on every use; reuse or sign-out revokes the family. */
@Injectable()
export class RefreshTokenService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new family for a sign-in; its first token. */
  async start(userId: string): Promise<string> {
    // Now and then, forget families long over (not awaited: housekeeping, retried by a later sign-in).
    if (Math.random() < PRUNE_SHARE) {
      void this.dataSource.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`).catch(() => undefined);
    }
    return this.insert(this.dataSource.manager, userId, randomUUID(), new Date(Date.now() + SESSION_LIFETIME_SECONDS * 1000));
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
    const rotated = await this.dataSource.transaction(async (manager) => {
      const used = returnedRows<UsedRow>(
        await manager.query(
          `UPDATE refresh_tokens SET used_at = now()
            WHERE id = $1 AND token_hash = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING user_id, family_id, expires_at`,
          [parsed.id, hash],
        ),
      );
      if (used.length === 0) return null;
      const [row] = used;
      return { userId: row.user_id, refreshToken: await this.insert(manager, row.user_id, row.family_id, row.expires_at) };
    });
    if (rotated) return rotated;
    const revoked = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1 AND token_hash = $2 AND used_at IS NOT NULL AND revoked_at IS NULL)
            AND revoked_at IS NULL
          RETURNING id`,
        [parsed.id, hash],
      ),
    );
    if (revoked.length > 0) throw new AppError('REFRESH_TOKEN_REUSED', 'This refresh token was used before: the session is ended, sign in again');
    throw invalid();
  }

  /** Ends the session the token belongs to (its whole family). Unknown or already revoked tokens change nothing. */
  async revoke(token: string): Promise<void> {
    const parsed = parse(token);
    if (!parsed) return;
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1 AND token_hash = $2) AND revoked_at IS NULL`,
      [parsed.id, hashOf(parsed.secret)],
    );
  }

  private async insert(manager: EntityManager, userId: string, familyId: string, expiresAt: Date): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await manager.query(`INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`, [id, familyId, userId, hashOf(secret), expiresAt]);
    return `${id}.${secret}`;
  }
}

const invalid = (): AppError => new AppError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid, expired or revoked: sign in again');
