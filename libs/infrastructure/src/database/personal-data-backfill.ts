import type { DataSource } from 'typeorm';
import type { PersonalDataCipher } from '../crypto/personal-data-cipher';

export interface SealedCounts {
  cases: number;
  corrections: number;
  users: number;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Seals the ID numbers and mobiles of rows written before at-rest encryption (or while no key was
 * configured). Safe to run at every start and by several workers at once: each row is rewritten
 * only if it is still as read (a concurrent correction wins), and sealed values are left alone.
 * Readers accept plain values meanwhile, so it runs in the background.
 */
export async function sealLegacyPersonalData(
  dataSource: DataSource,
  cipher: PersonalDataCipher,
  options: {
    batchSize?: number;
    /** Only these rows (e.g. after importing some), instead of every table in full. */
    only?: { caseIds: string[]; userIds: string[] };
  } = {},
): Promise<SealedCounts> {
  const counts: SealedCounts = { cases: 0, corrections: 0, users: 0 };
  if (!cipher.encrypts) return counts;
  const batchSize = options.batchSize ?? 500;
  // $3/$4: null means every row.
  const caseIds = options.only?.caseIds ?? null;
  const userIds = options.only?.userIds ?? null;

  // Every form has a legal representative's ID number, and all fields of a form are sealed together.
  for (let after = FIRST_ID; ; ) {
    const rows = (await dataSource.query(
      `SELECT id, form, form_version FROM cases
       WHERE id > $1 AND form->'legalRepresentative'->>'idNumber' NOT LIKE 'pd1:%' AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
       ORDER BY id LIMIT $2`,
      [after, batchSize, caseIds],
    )) as { id: string; form: unknown; form_version: number }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const [, updated] = (await dataSource.query(`UPDATE cases SET form = $2 WHERE id = $1 AND form_version = $3`, [row.id, JSON.stringify(cipher.sealFields(row.form)), row.form_version])) as [unknown, number];
      counts.cases += updated;
    }
    after = rows[rows.length - 1].id;
  }

  for (let after = FIRST_ID; ; ) {
    const rows = (await dataSource.query(`SELECT id, changes FROM corrections WHERE id > $1 AND ($3::uuid[] IS NULL OR case_id = ANY($3::uuid[])) ORDER BY id LIMIT $2`, [
      after,
      batchSize,
      caseIds,
    ])) as { id: string; changes: unknown }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const sealed = JSON.stringify(cipher.sealFields(row.changes));
      if (sealed === JSON.stringify(row.changes)) continue;
      const [, updated] = (await dataSource.query(`UPDATE corrections SET changes = $2 WHERE id = $1 AND changes = $3::jsonb`, [row.id, sealed, JSON.stringify(row.changes)])) as [unknown, number];
      counts.corrections += updated;
    }
    after = rows[rows.length - 1].id;
  }

  for (let after = FIRST_ID; ; ) {
    const rows = (await dataSource.query(
      `SELECT id, mobile FROM users WHERE id > $1 AND mobile IS NOT NULL AND mobile NOT LIKE 'pd1:%' AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[])) ORDER BY id LIMIT $2`,
      [after, batchSize, userIds],
    )) as {
      id: string;
      mobile: string;
    }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const [, updated] = (await dataSource.query(`UPDATE users SET mobile = $2 WHERE id = $1 AND mobile = $3`, [row.id, cipher.seal(row.mobile), row.mobile])) as [unknown, number];
      counts.users += updated;
    }
    after = rows[rows.length - 1].id;
  }
  return counts;
}
