import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ApplicantAccountRow {
  id: string;
  username: string;
  name: string;
  /** Sealed (PersonalDataCipher); null for accounts made before mobiles were asked. */
  mobile: string | null;
  password_hash: string;
}

/** How many accounts one name may match in a look-up (common names); more is a sign to ask for more. */
export const LOOKUP_LIMIT = 50;

/** The SQL of applicants' accounts as the window finds and opens them. */
@Injectable()
export class ApplicantAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async named(name: string): Promise<ApplicantAccountRow[]> {
    return (await this.dataSource.query(`SELECT id, username, name, mobile, password_hash FROM users WHERE role = 'APPLICANT' AND name = $1 ORDER BY created_at LIMIT ${LOOKUP_LIMIT}`, [
      name,
    ])) as ApplicantAccountRow[];
  }

  /**
   * The account `existing` picks among those with this name, else a new one: one at a time per name
   * (an advisory lock), so a repeated or concurrent request finds the first account instead of making two.
   */
  async findOrInsert(
    name: string,
    existing: (rows: ApplicantAccountRow[]) => ApplicantAccountRow | undefined,
    make: () => { id: string; username: string; sealedMobile: string; passwordHash: string },
  ): Promise<{ row: ApplicantAccountRow; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('window-applicant:' || $1))`, [name]);
      const rows = (await manager.query(`SELECT id, username, name, mobile, password_hash FROM users WHERE role = 'APPLICANT' AND name = $1`, [name])) as ApplicantAccountRow[];
      const found = existing(rows);
      if (found) return { row: found, created: false };
      const account = make();
      await manager.query(`INSERT INTO users (id, username, password_hash, name, mobile, role, department) VALUES ($1, $2, $3, $4, $5, 'APPLICANT', NULL)`, [
        account.id,
        account.username,
        account.passwordHash,
        name,
        account.sealedMobile,
      ]);
      return { row: { id: account.id, username: account.username, name, mobile: account.sealedMobile, password_hash: account.passwordHash }, created: true };
    });
  }
}
