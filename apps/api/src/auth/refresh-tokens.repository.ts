import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, count], an INSERT/SELECT with rows. */
function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}

export interface UsedRefreshToken {
  userId: string;
  familyId: string;
  expiresAt: Date;
}

/** The SQL of `refresh_tokens`; writes that must go with others take the caller's transaction. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (a token is marked used only together with its successor existing). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Forgets families whose session ended more than a day ago. */
  async pruneExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`);
  }

  /** Inserts one token, inside `manager`'s transaction when given. */
  async insert(manager: EntityManager | undefined, token: { id: string; familyId: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await (manager ?? this.dataSource.manager).query(`INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      token.id,
      token.familyId,
      token.userId,
      token.tokenHash,
      token.expiresAt,
    ]);
  }

  /** Marks the token used if it is live and unused; its user, family and expiry, or undefined when it was not. */
  async markUsed(manager: EntityManager, id: string, tokenHash: string): Promise<UsedRefreshToken | undefined> {
    const [row] = returnedRows<{ user_id: string; family_id: string; expires_at: Date }>(
      await manager.query(
        `UPDATE refresh_tokens SET used_at = now()
          WHERE id = $1 AND token_hash = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING user_id, family_id, expires_at`,
        [id, tokenHash],
      ),
    );
    return row ? { userId: row.user_id, familyId: row.family_id, expiresAt: row.expires_at } : undefined;
  }

  /** Revokes the family of a token that was already used (a replay); how many tokens it revoked. */
  async revokeFamilyOfUsed(id: string, tokenHash: string): Promise<number> {
    const revoked = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1 AND token_hash = $2 AND used_at IS NOT NULL AND revoked_at IS NULL)
            AND revoked_at IS NULL
          RETURNING id`,
        [id, tokenHash],
      ),
    );
    return revoked.length;
  }

  /** Revokes the whole family of the token (sign-out); nothing for an unknown token. */
  async revokeFamilyOf(id: string, tokenHash: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1 AND token_hash = $2) AND revoked_at IS NULL`,
      [id, tokenHash],
    );
  }
}
