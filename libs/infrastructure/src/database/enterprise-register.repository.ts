import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ApplicationForm } from '@onetrip/domain/application/application-form';
import { foldEnterpriseName, normaliseEnterpriseName } from '@onetrip/domain';
import type { EnterpriseBinding } from '@onetrip/domain/engine/process-definition';
import {
  applyChange,
  checkFileable,
  checkRepresentative,
  ENTERPRISE_NOT_FOUND,
  EnterpriseRegisterError,
  IN_FLIGHT_STATUS,
  openingFacts,
  type EnterpriseChanges,
  type EnterpriseFacts,
  type EnterpriseStatus,
} from '@onetrip/domain/enterprise/enterprise-register';
import type { PersonalDataCipher } from '../crypto/personal-data-cipher';
import { revokeEnterpriseDocuments, supersedeEnterpriseDocuments } from './issued-documents';

// The register's SQL, shared by the API (filing, views) and the worker (the completion write): every
// function takes the caller's EntityManager, so each runs inside the transaction it belongs to.

/** The process whose completion creates an enterprise (its stored v1 cannot carry a binding: a stored body never changes). */
export const OPENING_PROCESS_KEY = 'enterprise-opening';

export interface EnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  entity_type: string;
  address: EnterpriseFacts['address'];
  legal_representative: EnterpriseFacts['legalRepresentative'];
  legal_representative_user_id: string | null;
  registered_capital: string;
  business_scope: string[];
  shareholders: EnterpriseFacts['shareholders'];
  seals: EnterpriseFacts['seals'];
  taxpayer_id: string | null;
  social_insurance_number: string | null;
  bank_account: EnterpriseFacts['bankAccount'];
  licence_number: string | null;
  licence_edition: number;
  status: EnterpriseStatus;
  lifecycle_case_id: string | null;
  opened_by_case_id: string;
  created_at: Date;
  updated_at: Date;
  deregistered_at: Date | null;
}

export interface EnterpriseHistoryRow {
  case_id: string;
  role: 'OPENING' | 'CHANGE' | 'DEREGISTER';
  linked_at: Date;
  applied_at: Date | null;
  details: Record<string, unknown> | null;
  process_key: string;
  process_version: number;
  status: string;
  submitted_at: Date;
  ended_at: Date | null;
}

const COLUMNS = `id, uscc, name, entity_type, address, legal_representative, legal_representative_user_id, registered_capital, business_scope,
  shareholders, seals, taxpayer_id, social_insurance_number, bank_account, licence_number, licence_edition, status, lifecycle_case_id,
  opened_by_case_id, created_at, updated_at, deregistered_at`;

/** TypeORM answers [rows, count] for UPDATE … RETURNING, the rows for SELECT/INSERT. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** The facts of a row, personal data opened. */
export function factsOf(row: EnterpriseRow, cipher: PersonalDataCipher): EnterpriseFacts {
  return cipher.openFields({
    uscc: row.uscc,
    name: row.name,
    entityType: row.entity_type,
    address: row.address,
    legalRepresentative: row.legal_representative,
    registeredCapital: row.registered_capital,
    businessScope: row.business_scope,
    shareholders: row.shareholders,
    seals: row.seals,
    taxpayerId: row.taxpayer_id,
    socialInsuranceNumber: row.social_insurance_number,
    bankAccount: row.bank_account,
    licenceNumber: row.licence_number,
    licenceEdition: row.licence_edition,
  });
}

/** A form value at a dotted path ('enterprise.uscc'). */
function valueAt(form: unknown, path: string): unknown {
  let current: unknown = form;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** What a completion needs of its case (the form as stored, sealed) and its definition's enterprise binding. */
export interface CompletingCase {
  applicant_id: string;
  form: unknown;
  process_key: string;
  binding: EnterpriseBinding | null;
}

export class EnterpriseRegisterRepository {
  constructor(private readonly cipher: PersonalDataCipher) {}

  async findByUscc(manager: EntityManager, uscc: string): Promise<EnterpriseRow | null> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM enterprises WHERE uscc = $1`, [uscc])) as EnterpriseRow[];
    return row ?? null;
  }

  async findById(manager: EntityManager, id: string): Promise<EnterpriseRow | null> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM enterprises WHERE id = $1`, [id])) as EnterpriseRow[];
    return row ?? null;
  }

  /** "My enterprises": those whose legal representative is this account, newest first. */
  async listForRepresentative(manager: EntityManager, userId: string): Promise<EnterpriseRow[]> {
    return (await manager.query(`SELECT ${COLUMNS} FROM enterprises WHERE legal_representative_user_id = $1 ORDER BY created_at DESC, uscc`, [userId])) as EnterpriseRow[];
  }

  /** The enterprise's cases, oldest first, with each case's status. */
  async history(manager: EntityManager, enterpriseId: string): Promise<EnterpriseHistoryRow[]> {
    return (await manager.query(
      `SELECT l.case_id, l.role, l.linked_at, l.applied_at, l.details, c.process_key, c.process_version, c.status, c.submitted_at, c.ended_at
       FROM enterprise_cases l JOIN cases c ON c.id = l.case_id
       WHERE l.enterprise_id = $1 ORDER BY l.linked_at, c.submitted_at`,
      [enterpriseId],
    )) as EnterpriseHistoryRow[];
  }

  /**
   * Filing a lifecycle case (in the transaction that inserts the case row, after it): the filer must be the
   * legal representative (403), the enterprise ACTIVE (409 ENTERPRISE_NOT_ACTIVE) with no other case in flight
   * (409 ENTERPRISE_CASE_IN_FLIGHT). The row is locked, so of two filings racing, the second sees CHANGING.
   * Throws EnterpriseRegisterError; the caller's transaction rolls back with it.
   */
  async claimForCase(manager: EntityManager, binding: EnterpriseBinding, form: unknown, caseId: string): Promise<EnterpriseRow> {
    const uscc = valueAt(form, binding.usccPath);
    const idNumber = valueAt(form, binding.representativeIdPath);
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM enterprises WHERE uscc = $1 FOR UPDATE`, [uscc])) as EnterpriseRow[];
    if (!row) throw new EnterpriseRegisterError(ENTERPRISE_NOT_FOUND, 'No enterprise with this unified social credit code is registered');
    checkRepresentative(this.cipher.openFields(row.legal_representative), String(idNumber ?? ''));
    checkFileable(row.status);
    const result: unknown = await manager.query(
      `UPDATE enterprises SET status = $2, lifecycle_case_id = $3, updated_at = now() WHERE id = $1 AND status = 'ACTIVE' RETURNING ${COLUMNS}`,
      [row.id, IN_FLIGHT_STATUS[binding.effect], caseId],
    );
    const [claimed] = rowsOf<EnterpriseRow>(result);
    await manager.query(`INSERT INTO enterprise_cases (enterprise_id, case_id, role) VALUES ($1, $2, $3)`, [row.id, caseId, binding.effect]);
    // The case names its enterprise as the register does (lists, the stuck list).
    await manager.query(`UPDATE cases SET enterprise_name = $2 WHERE id = $1`, [caseId, row.name]);
    return claimed;
  }

  /**
   * The register's part of a case's completion, in the transaction that writes the outcome: an opening creates
   * the enterprise, a change applies its changes, a deregistration ends it. Answers the outcome to store (a
   * change's outcome adds what changed and the seal filings it cancelled). Safe to repeat: an opening inserts
   * once (opened_by_case_id is unique); a lifecycle case applies only while it is the enterprise's case in flight.
   */
  async applyCompletion(manager: EntityManager, caseId: string, outcome: Record<string, unknown>, at: Date, read?: CompletingCase): Promise<Record<string, unknown>> {
    // The caller may have read the case already (with its lock): not read twice.
    const [record] = read
      ? [read]
      : ((await manager.query(
          `SELECT c.applicant_id, c.form, c.process_key, d.body -> 'enterprise' AS binding
           FROM cases c LEFT JOIN process_definitions d ON d.key = c.process_key AND d.version = c.process_version WHERE c.id = $1`,
          [caseId],
        )) as CompletingCase[]);
    if (!record) return outcome;
    if (record.process_key === OPENING_PROCESS_KEY) {
      if (typeof outcome.uscc === 'string') await this.open(manager, caseId, record.applicant_id, this.cipher.openFields(record.form) as ApplicationForm, outcome, at);
      return outcome;
    }
    if (!record.binding) return outcome;
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM enterprises WHERE lifecycle_case_id = $1 FOR UPDATE`, [caseId])) as EnterpriseRow[];
    if (!row) return outcome;
    if (record.binding.effect === 'DEREGISTER') {
      await manager.query(
        `UPDATE enterprises SET status = 'DEREGISTERED', lifecycle_case_id = NULL, deregistered_at = $2, updated_at = $2 WHERE id = $1`,
        [row.id, at],
      );
      await manager.query(`UPDATE enterprise_cases SET applied_at = $3 WHERE enterprise_id = $1 AND case_id = $2`, [row.id, caseId, at]);
      // Its licence is no longer valid: every signed document of the enterprise now verifies as revoked.
      await revokeEnterpriseDocuments(manager, row.uscc, { reason: '企业已注销 The enterprise is deregistered', at });
      return outcome;
    }
    const form = this.cipher.openFields(record.form) as { changes?: EnterpriseChanges };
    const changes = form.changes ?? {};
    const { facts, changed, cancelledSeals, recarvedSeals } = applyChange(factsOf(row, this.cipher), changes, outcome);
    const sealed = this.cipher.sealFields(facts);
    // A new legal representative has an account of their own (or none yet): the old one no longer lists it.
    const representativeUser = changes.legalRepresentative !== undefined ? null : row.legal_representative_user_id;
    await manager.query(
      `UPDATE enterprises SET name = $2, address = $3, legal_representative = $4, legal_representative_user_id = $5, registered_capital = $6,
              business_scope = $7, shareholders = $8, seals = $9, licence_number = $10, licence_edition = $11,
              status = 'ACTIVE', lifecycle_case_id = NULL, updated_at = $12
       WHERE id = $1`,
      [
        row.id,
        sealed.name,
        JSON.stringify(sealed.address),
        JSON.stringify(sealed.legalRepresentative),
        representativeUser,
        sealed.registeredCapital,
        JSON.stringify(sealed.businessScope),
        JSON.stringify(sealed.shareholders),
        JSON.stringify(sealed.seals),
        sealed.licenceNumber,
        sealed.licenceEdition,
        at,
      ],
    );
    if (changes.name !== undefined) {
      // The new name joins the name register (checked free at filing; a name taken since by another case is kept by it).
      await manager.query(`INSERT INTO registered_names (name, folded_name, case_id, registered_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        normaliseEnterpriseName(changes.name),
        foldEnterpriseName(changes.name),
        caseId,
        at,
      ]);
    }
    // The enterprise's earlier completion notices are replaced (this case's own is issued on its first download).
    await supersedeEnterpriseDocuments(manager, row.uscc, { reason: '企业信息已变更 The enterprise details changed', at });
    const details = { changed, cancelledSeals, licenceEdition: facts.licenceEdition };
    await manager.query(`UPDATE enterprise_cases SET applied_at = $3, details = $4 WHERE enterprise_id = $1 AND case_id = $2`, [row.id, caseId, at, JSON.stringify(details)]);
    return { ...outcome, ...details, seals: recarvedSeals };
  }

  /** A refused or cancelled lifecycle case leaves the register as it was: the enterprise is ACTIVE again. */
  async release(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE enterprises SET status = 'ACTIVE', lifecycle_case_id = NULL, updated_at = $2 WHERE lifecycle_case_id = $1`, [caseId, at]);
  }

  /** Openings completed before the register existed (or whose completion predates this code): each gets its enterprise, once. */
  async backfillOpenings(manager: EntityManager, batch = 200): Promise<number> {
    let created = 0;
    for (;;) {
      const rows = (await manager.query(
        `SELECT c.id, c.applicant_id, c.form, c.outcome, c.completed_at FROM cases c
         WHERE c.process_key = $1 AND c.status = 'COMPLETED' AND c.outcome ? 'uscc'
           AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.opened_by_case_id = c.id)
         ORDER BY c.completed_at, c.id LIMIT $2`,
        [OPENING_PROCESS_KEY, batch],
      )) as { id: string; applicant_id: string; form: unknown; outcome: Record<string, unknown>; completed_at: Date | null }[];
      if (rows.length === 0) return created;
      for (const row of rows) {
        const form = this.cipher.openFields(row.form) as ApplicationForm;
        // Each enterprise with its history row, atomically.
        if (await manager.transaction((tx) => this.open(tx, row.id, row.applicant_id, form, row.outcome, row.completed_at ?? new Date()))) created += 1;
      }
      if (rows.length < batch) return created;
    }
  }

  private async open(manager: EntityManager, caseId: string, applicantId: string, form: ApplicationForm, outcome: Record<string, unknown>, at: Date): Promise<boolean> {
    const facts = this.cipher.sealFields(openingFacts(form, outcome));
    const id = randomUUID();
    // The enterprise and its history row in one statement; neither when the case already opened one.
    const inserted = (await manager.query(
      `WITH opened AS (
       INSERT INTO enterprises (id, uscc, name, entity_type, address, legal_representative, legal_representative_user_id, registered_capital,
              business_scope, shareholders, seals, taxpayer_id, social_insurance_number, bank_account, licence_number, licence_edition,
              status, opened_by_case_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'ACTIVE', $17, $18, $18)
       ON CONFLICT DO NOTHING RETURNING id
       )
       INSERT INTO enterprise_cases (enterprise_id, case_id, role, linked_at, applied_at) SELECT id, $17, 'OPENING', $18, $18 FROM opened
       ON CONFLICT DO NOTHING RETURNING enterprise_id`,
      [
        id,
        facts.uscc,
        facts.name,
        facts.entityType,
        JSON.stringify(facts.address),
        JSON.stringify(facts.legalRepresentative),
        applicantId,
        facts.registeredCapital,
        JSON.stringify(facts.businessScope),
        JSON.stringify(facts.shareholders),
        JSON.stringify(facts.seals),
        facts.taxpayerId,
        facts.socialInsuranceNumber,
        facts.bankAccount ? JSON.stringify(facts.bankAccount) : null,
        facts.licenceNumber,
        facts.licenceEdition,
        caseId,
        at,
      ],
    )) as { enterprise_id: string }[];
    return inserted.length > 0;
  }
}
