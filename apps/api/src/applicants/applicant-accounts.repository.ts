import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CodeSendPlan, ConfirmVerdict, WalkInCodeState } from '@onetrip/domain';
import { WALK_IN_CODE_LIFETIME_MS } from '@onetrip/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface ApplicantAccountRow {
  id: string;
  username: string;
  name: string;
  /** Sealed (PersonalDataCipher); null for accounts made before mobiles were asked. */
  mobile: string | null;
  password_hash: string;
}

/** An account with its walk-in confirmation (none for accounts the applicant registered, or made before it existed). */
export interface ApplicantAccount extends ApplicantAccountRow {
  confirmation: (WalkInCodeState & { codeHash: string }) | null;
  /** The database's clock when read (what the rules judge by, so several APIs agree). */
  now: Date;
}

/** How many accounts one name may match in a look-up (common names); more is a sign to ask for more. */
export const LOOKUP_LIMIT = 50;

const ACCOUNT_COLUMNS = `u.id, u.username, u.name, u.mobile, u.password_hash, c.serial, c.code_hash, c.expires_at, c.attempts, c.sent_at, c.confirmed_at, now() AS now`;
const lifetime = `interval '${WALK_IN_CODE_LIFETIME_MS} milliseconds'`;

interface AccountSqlRow extends ApplicantAccountRow {
  serial: number | null;
  code_hash: string | null;
  expires_at: Date | null;
  attempts: number | null;
  sent_at: Date | null;
  confirmed_at: Date | null;
  now: Date;
}

function account(row: AccountSqlRow): ApplicantAccount {
  const { serial, code_hash, expires_at, attempts, sent_at, confirmed_at, now, ...rest } = row;
  return {
    ...rest,
    now,
    confirmation:
      serial === null || code_hash === null || expires_at === null
        ? null
        : { serial, codeHash: code_hash, expiresAt: expires_at, attempts: attempts ?? 0, sentAt: sent_at, confirmedAt: confirmed_at },
  };
}

/** The SQL of applicants' accounts as the window finds, opens and confirms them. */
@Injectable()
export class ApplicantAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async named(name: string): Promise<ApplicantAccount[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u LEFT JOIN walk_in_confirmations c ON c.user_id = u.id WHERE u.role = 'APPLICANT' AND u.name = $1 ORDER BY u.created_at LIMIT ${LOOKUP_LIMIT}`,
      [name],
    )) as AccountSqlRow[];
    return rows.map(account);
  }

  private async locked(manager: EntityManager, where: string, value: string): Promise<ApplicantAccount[]> {
    const rows = (await manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u LEFT JOIN walk_in_confirmations c ON c.user_id = u.id WHERE u.role = 'APPLICANT' AND ${where} = $1 ORDER BY u.created_at FOR UPDATE OF u`,
      [value],
    )) as AccountSqlRow[];
    return rows.map(account);
  }

  /** Issues code `serial` (a new one, or the first): its hash, a fresh expiry, attempts from zero, not sent yet. */
  private async issue(manager: EntityManager, userId: string, serial: number, codeHash: string): Promise<void> {
    await manager.query(
      `INSERT INTO walk_in_confirmations (user_id, serial, code_hash, expires_at) VALUES ($1, $2, $3, now() + ${lifetime})
       ON CONFLICT (user_id) DO UPDATE SET serial = EXCLUDED.serial, code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, attempts = 0, sent_at = NULL`,
      [userId, serial, codeHash],
    );
  }

  /**
   * The account `existing` picks among those with this name, else a new one, PENDING with its first code
   * issued: one at a time per name (an advisory lock), so a repeated or concurrent request finds the first
   * account instead of making two. For a found one, `reopen` says whether its code goes (again).
   */
  async findOrInsert(
    name: string,
    existing: (rows: ApplicantAccount[]) => ApplicantAccount | undefined,
    make: () => { id: string; username: string; sealedMobile: string; passwordHash: string },
    codeHash: (userId: string, serial: number) => string,
    reopen: (found: ApplicantAccount) => CodeSendPlan,
  ): Promise<{ account: ApplicantAccount; created: boolean; plan: CodeSendPlan }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('window-applicant:' || $1))`, [name]);
      const found = existing(await this.locked(manager, 'u.name', name));
      if (found) {
        const plan = reopen(found);
        if (plan.kind === 'NEW_CODE' && found.confirmation) await this.issue(manager, found.id, found.confirmation.serial + 1, codeHash(found.id, found.confirmation.serial + 1));
        const [after] = await this.locked(manager, 'u.id', found.id);
        return { account: after, created: false, plan };
      }
      const made = make();
      await manager.query(`INSERT INTO users (id, username, password_hash, name, mobile, role, department) VALUES ($1, $2, $3, $4, $5, 'APPLICANT', NULL)`, [
        made.id,
        made.username,
        made.passwordHash,
        name,
        made.sealedMobile,
      ]);
      await this.issue(manager, made.id, 1, codeHash(made.id, 1));
      const [after] = await this.locked(manager, 'u.id', made.id);
      return { account: after, created: true, plan: { kind: 'SEND_AGAIN' } };
    });
  }

  /** The account by username, locked while `decide` plans a resend; a NEW_CODE plan is written before it commits. */
  async planResend(
    username: string,
    decide: (found: ApplicantAccount) => CodeSendPlan,
    codeHash: (userId: string, serial: number) => string,
  ): Promise<{ account: ApplicantAccount; plan: CodeSendPlan } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [found] = await this.locked(manager, 'u.username', username);
      if (!found) return undefined;
      const plan = decide(found);
      if (plan.kind !== 'NEW_CODE' || !found.confirmation) return { account: found, plan };
      const serial = found.confirmation.serial + 1;
      await this.issue(manager, found.id, serial, codeHash(found.id, serial));
      const [after] = await this.locked(manager, 'u.id', found.id);
      return { account: after, plan };
    });
  }

  /** The provider took code `serial`: the cooldown runs from now. A later code's row is left alone. */
  async markSent(userId: string, serial: number): Promise<ApplicantAccount> {
    await this.dataSource.query(`UPDATE walk_in_confirmations SET sent_at = now() WHERE user_id = $1 AND serial = $2 AND sent_at IS NULL`, [userId, serial]);
    const rows = (await this.dataSource.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u LEFT JOIN walk_in_confirmations c ON c.user_id = u.id WHERE u.id = $1`, [userId])) as AccountSqlRow[];
    return account(rows[0]);
  }

  /**
   * Judges a typed code with the row locked (two clerks typing at once count two attempts, confirm once):
   * WRONG counts an attempt, CONFIRMED records when and by whom; both commit, whatever the answer.
   */
  async confirm(username: string, judge: (found: ApplicantAccount) => ConfirmVerdict, confirmedById: string): Promise<{ account: ApplicantAccount; verdict: ConfirmVerdict } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [found] = await this.locked(manager, 'u.username', username);
      if (!found) return undefined;
      const verdict = judge(found);
      if (verdict === 'WRONG') await manager.query(`UPDATE walk_in_confirmations SET attempts = attempts + 1 WHERE user_id = $1`, [found.id]);
      else if (verdict === 'CONFIRMED') await manager.query(`UPDATE walk_in_confirmations SET confirmed_at = now(), confirmed_by_id = $2 WHERE user_id = $1`, [found.id, confirmedById]);
      else return { account: found, verdict };
      const [after] = await this.locked(manager, 'u.id', found.id);
      return { account: after, verdict };
    });
  }
}
