import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { applyCorrections, CorrectionPathError, feeLedgerForApplication, filerIdentityFlag, isTerminalCaseStatus, normaliseEnterpriseName, type ApplicationForm, type RuleFlag } from '@onetrip/domain';
import { CorrectionEntity, IdempotencyKeyEntity, PersonalDataCipher } from '@onetrip/infrastructure';
import { CASE_WORKFLOW, caseWorkflowId, type CasePolicy, type CaseWorkflowInput } from '@onetrip/workflows/contracts';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { requestHash } from '../common/request-hash';
import { pageOffset } from '../common/page-query.dto';
import { validateAs, validationFailed } from '../common/validation';
import { CaseWorkflowGateway } from '../temporal/case-workflow.gateway';
import { ApplicationRulesService } from './application-rules.service';
import { CasePolicyService } from './case-policy.service';
import { CaseReader } from './case-reader.service';
import { correctionFields, toFlags } from './case-view.mapper';
import { correctionKeyErrors } from './correction-paths';
import { ApplicationCreateDto } from './dto/application-create.dto';
import { ApplicationFormDto, toApplicationForm } from './dto/application-form.dto';
import { ApplicationListQueryDto } from './dto/application-list-query.dto';
import { CaseCancelDto } from './dto/case-cancel.dto';
import { CaseListResponseDto, CaseResponseDto } from './dto/case-response.dto';
import { CorrectionCreateDto } from './dto/correction-create.dto';

const UNIQUE_VIOLATION = '23505';
/** Visible ASCII, as clients send UUIDs or similar tokens. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflows: CaseWorkflowGateway,
    private readonly policies: CasePolicyService,
    private readonly rules: ApplicationRulesService,
    private readonly cases: CaseReader,
    private readonly audit: AuditLogService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /**
   * Files a case: rules first, then the case row (and the idempotency key) in one transaction, then the
   * workflow. The same key and body give back the same case however many times, or however concurrently,
   * they are sent; the key's primary key decides which request made it.
   */
  async create(user: AuthenticatedUser, dto: ApplicationCreateDto, idempotencyKey: string | undefined): Promise<CaseResponseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw validationFailed([{ path: 'Idempotency-Key', messages: ['Idempotency-Key must be 1–200 visible ASCII characters'] }]);
    }
    const applicantId = await this.applicantFor(user, dto.onBehalfOf);
    const form = toApplicationForm(dto);
    const hash = requestHash({ form, onBehalfOf: dto.onBehalfOf ?? null });
    if (idempotencyKey !== undefined) {
      const earlier = await this.dataSource.manager.findOneBy(IdempotencyKeyEntity, { ownerId: user.id, key: idempotencyKey });
      if (earlier) return this.replay(user, earlier, hash);
    }

    const flags = [...(await this.rules.check(form)), ...(await this.filerFlags(user, form))];
    const policy = this.policies.policy;
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.insertCase(manager, { id, applicantId, filedById: user.id, form, policy, flags });
        if (idempotencyKey !== undefined) await manager.insert(IdempotencyKeyEntity, { ownerId: user.id, key: idempotencyKey, requestHash: hash, caseId: id });
        if (user.role === 'WINDOW') await this.audit.record({ actor: user, action: 'FILE_ON_BEHALF', caseId: id, details: { applicantId } }, manager);
      });
    } catch (error) {
      // Another request with this key committed first: ours is rolled back and theirs is the answer.
      if (idempotencyKey !== undefined && isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const winner = await this.dataSource.manager.findOneByOrFail(IdempotencyKeyEntity, { ownerId: user.id, key: idempotencyKey });
        return this.replay(user, winner, hash);
      }
      throw error;
    }
    await this.startWorkflow(id, policy);
    return this.cases.freshView(user, id);
  }

  async list(user: AuthenticatedUser, query: ApplicationListQueryDto): Promise<CaseListResponseDto> {
    const page = await this.cases.page(user, query.limit, pageOffset(query));
    return { items: await this.cases.views(user, page.items, new Date(), true), total: page.total };
  }

  async get(user: AuthenticatedUser, id: string): Promise<CaseResponseDto> {
    return this.cases.view(user, await this.cases.findVisible(user, id));
  }

  /**
   * The applicant's answer to a correction notice. The changes are stored here (they hold personal data);
   * the workflow is told only the correction's id, and applies it from PostgreSQL.
   */
  async correct(user: AuthenticatedUser, id: string, dto: CorrectionCreateDto): Promise<CaseResponseDto> {
    const record = await this.cases.findOwned(user, id);
    if (record.status !== 'AWAITING_CORRECTION' || record.correction === null) {
      throw new AppError('NOT_AWAITING_CORRECTION', `Refused (NOT_AWAITING_CORRECTION): the case is ${record.status}, not waiting for a correction`);
    }
    const keyErrors = correctionKeyErrors(Object.keys(dto.changes), correctionFields(record.correction));
    if (keyErrors.length > 0) throw validationFailed(keyErrors);
    const corrected = this.applyChanges(record.form, dto.changes);
    const typeErrors = await validateAs(ApplicationFormDto, corrected);
    if (typeErrors.length > 0) throw validationFailed(typeErrors);
    // The filer's flag stays: a correction does not make the filer any more verified.
    const kept = toFlags(record.flags).filter((flag) => flag.code === 'FILER_IDENTITY_UNVERIFIED') as RuleFlag[];
    const flags = [...(await this.rules.check(corrected, { caseId: record.id })), ...kept];

    const correctionId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO corrections (id, case_id, round, changes, submitted_by_id, status) VALUES ($1, $2, $3, $4, $5, 'PENDING')`, [
        correctionId,
        record.id,
        record.correctionRound,
        JSON.stringify(this.cipher.sealFields(dto.changes)),
        user.id,
      ]);
      await this.audit.record(
        { actor: user, action: 'SUBMIT_CORRECTION', caseId: record.id, details: { correctionId, round: record.correctionRound, fields: Object.keys(dto.changes) } },
        manager,
      );
    });
    // Signed by the gateway: the worker applies only a correction that came through the API's checks.
    const submission = { correctionId, round: record.correctionRound, actorId: user.id };
    try {
      await this.workflows.submitCorrection(record.id, submission);
    } catch (error) {
      if (error instanceof AppError && error.status === 409) {
        await this.dataSource.manager.update(CorrectionEntity, { id: correctionId, status: 'PENDING' }, { status: 'REFUSED' });
      }
      throw error;
    }
    await this.saveFlags(record.id, flags);
    return this.cases.freshView(user, record.id);
  }

  async cancel(user: AuthenticatedUser, id: string, dto: CaseCancelDto): Promise<CaseResponseDto> {
    const record = await this.cases.findVisible(user, id);
    if (isTerminalCaseStatus(record.status)) throw new AppError('CASE_CLOSED', `Refused (CASE_CLOSED): the case is already ${record.status}`);
    // Signed by the gateway: the worker acts only on a cancellation that came through the API's checks.
    await this.workflows.cancelCase(record.id, { actorId: user.id, reason: dto.reason });
    await this.audit.record({ actor: user, action: 'CANCEL', caseId: record.id });
    // The workflow answers once the end is recorded, so the row already says CANCELLED.
    return this.cases.freshView(user, record.id);
  }

  /** APPLICANT files for themselves; WINDOW for the applicant it names (帮代办). */
  /** Who filed is not proven to be the legal representative: SAMR's clerk is told (see filerIdentityFlag). */
  private async filerFlags(user: AuthenticatedUser, form: ApplicationForm): Promise<RuleFlag[]> {
    const [account] = (await this.dataSource.query(`SELECT name FROM users WHERE id = $1`, [user.id])) as { name: string | null }[];
    const flag = filerIdentityFlag({ role: user.role, name: account?.name ?? null }, form);
    return flag ? [flag] : [];
  }

  private async applicantFor(user: AuthenticatedUser, onBehalfOf: string | undefined): Promise<string> {
    if (user.role !== 'WINDOW') {
      if (onBehalfOf !== undefined) throw validationFailed([{ path: 'onBehalfOf', messages: ['onBehalfOf is for window clerks only'] }]);
      return user.id;
    }
    if (onBehalfOf === undefined) throw validationFailed([{ path: 'onBehalfOf', messages: ['onBehalfOf must name the applicant this case is filed for'] }]);
    const [applicant] = (await this.dataSource.query(`SELECT id FROM users WHERE username = $1 AND role = 'APPLICANT'`, [onBehalfOf])) as { id: string }[];
    if (!applicant) throw validationFailed([{ path: 'onBehalfOf', messages: ['onBehalfOf is not a registered applicant'], codes: ['ON_BEHALF_OF_UNKNOWN'] }]);
    return applicant.id;
  }

  /** An earlier request with the same key: same body → its case again; another body → 409. */
  private async replay(user: AuthenticatedUser, earlier: IdempotencyKeyEntity, hash: string): Promise<CaseResponseDto> {
    if (earlier.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
    const record = await this.cases.find(earlier.caseId);
    if (!record) throw new AppError('NOT_FOUND', 'No such case');
    // The first attempt may have died between its commit and the start: starting again is harmless.
    if (record.status === 'SUBMITTED') await this.startWorkflow(record.id, record.policy);
    return this.cases.view(user, record);
  }

  private async insertCase(
    manager: EntityManager,
    values: { id: string; applicantId: string; filedById: string; form: ApplicationForm; policy: CasePolicy; flags: RuleFlag[] },
  ): Promise<void> {
    const now = new Date();
    await manager.query(
      `INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, status, form, form_version, enterprise_name, policy, fees, flags, submitted_at, last_progress_at)
       VALUES ($1, $2, $3, $4, 'SUBMITTED', $5, 1, $6, $7, $8, $9, $10, $10)`,
      [
        values.id,
        caseWorkflowId(values.id),
        values.applicantId,
        values.filedById,
        JSON.stringify(this.cipher.sealFields(values.form)),
        normaliseEnterpriseName(values.form.company.name),
        JSON.stringify(values.policy),
        JSON.stringify(feeLedgerForApplication(values.form)),
        JSON.stringify(values.flags),
        now,
      ],
    );
  }

  private async startWorkflow(caseId: string, policy: CasePolicy): Promise<void> {
    await this.workflows.start<CaseWorkflowInput>(caseId, CASE_WORKFLOW, { caseId, policy });
  }

  private applyChanges(form: ApplicationForm, changes: Record<string, unknown>): ApplicationForm {
    try {
      return applyCorrections(form, changes);
    } catch (error) {
      if (error instanceof CorrectionPathError) throw validationFailed([{ path: error.path.slice(0, 200), messages: ['cannot be changed this way: no such element, or its parent is missing'] }]);
      throw error;
    }
  }

  private async saveFlags(caseId: string, flags: RuleFlag[]): Promise<void> {
    await this.dataSource.query(`UPDATE cases SET flags = $2 WHERE id = $1`, [caseId, JSON.stringify(flags)]);
  }
}
