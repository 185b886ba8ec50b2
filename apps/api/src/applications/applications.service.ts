import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  applyCorrections,
  CorrectionPathError,
  feeLedgerFor,
  feeLedgerForApplication,
  filerIdentityFlag,
  isTerminalCaseStatus,
  normaliseEnterpriseName,
  personalDataPaths,
  validateValue,
  type ApplicationForm,
  type ProcessDefinition,
  type RuleFlag,
} from '@onetrip/domain';
import { EnterpriseRegisterRepository, IdempotencyKeyEntity, PersonalDataCipher } from '@onetrip/infrastructure';
import { PROCESS_WORKFLOW, type CasePolicy, type ProcessWorkflowInput } from '@onetrip/workflows/contracts';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { requestHash } from '../common/request-hash';
import { pageOffset } from '../common/page-query.dto';
import { validateAs, validationFailed } from '../common/validation';
import { CaseWorkflowGateway } from '../temporal/case-workflow.gateway';
import { ProcessDefinitionsService, type StoredProcessDefinition } from '../processes/process-definitions.service';
import { ApplicationRulesService, schemaProblemFields } from './application-rules.service';
import { CasePolicyService } from './case-policy.service';
import { CaseReader, type CaseRecord } from './case-reader.service';
import { UsersRepository } from '../auth/users.repository';
import { CasesRepository } from './cases.repository';
import { CorrectionsRepository } from './corrections.repository';
import { correctionFields, toFlags } from './case-view.mapper';
import { applyFormChanges, correctionKeyErrors } from './correction-paths';
import { ApplicationCreateDto } from './dto/application-create.dto';
import { ApplicationFormDto, toApplicationForm } from './dto/application-form.dto';
import { ApplicationListQueryDto } from './dto/application-list-query.dto';
import { CaseCancelDto } from './dto/case-cancel.dto';
import { CaseListResponseDto, CaseResponseDto } from './dto/case-response.dto';
import { CorrectionCreateDto } from './dto/correction-create.dto';
import { ProcessApplicationCreateDto } from './dto/process-application-create.dto';
import { ENTERPRISE_OPENING } from './process-keys';
import { processWorkflowInput } from './process-plan';

const UNIQUE_VIOLATION = '23505';
/** Visible ASCII, as clients send UUIDs or similar tokens. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function checkIdempotencyKey(idempotencyKey: string | undefined): void {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw validationFailed([{ path: 'Idempotency-Key', messages: ['Idempotency-Key must be 1–200 visible ASCII characters'] }]);
  }
}

/** The enterprise's name (normalised, for the register's lookups) when the process names one. */
function enterpriseNameOf(form: object): string | null {
  const company = (form as { company?: unknown }).company;
  const name = typeof company === 'object' && company !== null ? (company as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? normaliseEnterpriseName(name) : null;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}

/** What filing writes, prepared at one definition version. */
interface Filing {
  applicantId: string;
  stored: StoredProcessDefinition;
  form: object;
  flags: unknown[];
  fees: unknown;
}

/** Filing again after the INSERT found another version ACTIVE: more than twice only if admins activate versions back to back. */
const MAX_FILING_ATTEMPTS = 3;

@Injectable()
export class ApplicationsService {
  private readonly register: EnterpriseRegisterRepository;
  private readonly personalDataPaths = new WeakMap<ProcessDefinition, string[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflows: CaseWorkflowGateway,
    private readonly policies: CasePolicyService,
    private readonly rules: ApplicationRulesService,
    private readonly cases: CaseReader,
    private readonly caseRows: CasesRepository,
    private readonly corrections: CorrectionsRepository,
    private readonly definitions: ProcessDefinitionsService,
    private readonly audit: AuditLogService,
    private readonly cipher: PersonalDataCipher,
    private readonly users: UsersRepository,
  ) {
    this.register = new EnterpriseRegisterRepository(cipher);
  }

  /**
   * Files an enterprise opening (today's body): its rules, then the case at the opening's ACTIVE
   * definition version, on the engine.
   */
  async create(user: AuthenticatedUser, dto: ApplicationCreateDto, idempotencyKey: string | undefined): Promise<CaseResponseDto> {
    checkIdempotencyKey(idempotencyKey);
    const applicantId = await this.applicantFor(user, dto.onBehalfOf);
    const form = toApplicationForm(dto);
    const hash = requestHash({ form, onBehalfOf: dto.onBehalfOf ?? null });
    const earlier = await this.earlier(user, idempotencyKey);
    if (earlier) return this.replay(user, earlier, hash);
    return this.fileAtActive(user, idempotencyKey, hash, ENTERPRISE_OPENING, async (stored) => {
      // Independent reads (the name register, the filer's name): together, not one after the other.
      const [ruleFlags, filerFlags] = await Promise.all([this.rules.check(form), this.filerFlags(user, form)]);
      return { applicantId, stored, form, flags: [...ruleFlags, ...filerFlags], fees: feeLedgerForApplication(form) };
    });
  }

  /**
   * Files a case of any process at its ACTIVE version: the form is checked against the definition's schema
   * and its named rules (every failing field in one 400, under `form.`), its personal data sealed by the
   * schema's `x-personal-data` paths.
   */
  async fileProcess(user: AuthenticatedUser, key: string, dto: ProcessApplicationCreateDto, idempotencyKey: string | undefined): Promise<CaseResponseDto> {
    checkIdempotencyKey(idempotencyKey);
    const applicantId = await this.applicantFor(user, dto.onBehalfOf);
    const hash = requestHash({ process: key, form: dto.form, onBehalfOf: dto.onBehalfOf ?? null });
    const earlier = await this.earlier(user, idempotencyKey);
    if (earlier) return this.replay(user, earlier, hash);
    return this.fileAtActive(user, idempotencyKey, hash, key, async (stored) => {
      const problems = validateValue(stored.definition.form.schema, dto.form);
      if (problems.length > 0) throw validationFailed(schemaProblemFields(problems, 'form'));
      const flags = await this.rules.checkNamed(stored.definition.form.rules, dto.form, 'form');
      return { applicantId, stored, form: dto.form, flags, fees: feeLedgerFor(stored.definition, dto.form) };
    });
  }

  /**
   * Files at the key's ACTIVE version as this process last read it (ProcessDefinitionsService.active). The case's
   * INSERT checks that version is still ACTIVE; when another process activated or retired one meanwhile, the
   * filing is prepared again at the version read afresh (its form checked against that version's schema).
   */
  private async fileAtActive(
    user: AuthenticatedUser,
    idempotencyKey: string | undefined,
    hash: string,
    key: string,
    prepare: (stored: StoredProcessDefinition) => Promise<Filing>,
  ): Promise<CaseResponseDto> {
    for (let attempt = 0; attempt < MAX_FILING_ATTEMPTS; attempt++) {
      const filed = await this.file(user, idempotencyKey, hash, await prepare(await this.definitions.active(key, { fresh: attempt > 0 })));
      if (filed) return filed;
    }
    throw new Error(`the ACTIVE version of ${key} changed during each of ${MAX_FILING_ATTEMPTS} filings`);
  }

  /**
   * The case row (and the idempotency key) in one transaction, then the workflow. The same key and body
   * give back the same case however many times, or however concurrently, they are sent; the key's primary
   * key decides which request made it. Null, with nothing written, when the version is no longer ACTIVE.
   */
  private async file(user: AuthenticatedUser, idempotencyKey: string | undefined, hash: string, filing: Filing): Promise<CaseResponseDto | null> {
    const { applicantId, stored, form } = filing;
    const policy = this.policies.policy;
    const id = randomUUID();
    const binding = stored.definition.enterprise;
    const insertCase = (manager: EntityManager): Promise<boolean> =>
      this.caseRows.insert(manager, {
        id,
        applicantId,
        filedById: user.id,
        process: { key: stored.key, version: stored.version },
        form: this.cipher.sealFields(form, this.personalDataPathsOf(stored)),
        enterpriseName: enterpriseNameOf(form),
        policy,
        fees: filing.fees,
        flags: filing.flags,
      });
    try {
      const inserted =
        // The case row alone is one statement, atomic without BEGIN and COMMIT round trips.
        !binding && idempotencyKey === undefined && user.role !== 'WINDOW'
          ? await insertCase(this.dataSource.manager)
          : await this.dataSource.transaction(async (manager) => {
              if (!(await insertCase(manager))) return false;
              // A lifecycle case takes its enterprise in the same transaction: the filer is its legal representative
              // (403), it is ACTIVE (409) and no other lifecycle case is in flight (409; the row is locked, so of two
              // filings racing, one passes).
              if (binding) await this.register.claimForCase(manager, binding, form, id);
              if (idempotencyKey !== undefined) await manager.insert(IdempotencyKeyEntity, { ownerId: user.id, key: idempotencyKey, requestHash: hash, caseId: id });
              if (user.role === 'WINDOW') await this.audit.record({ actor: user, action: 'FILE_ON_BEHALF', caseId: id, details: { applicantId } }, manager);
              return true;
            });
      if (!inserted) return null;
    } catch (error) {
      // Another request with this key committed first: ours is rolled back and theirs is the answer.
      if (idempotencyKey !== undefined && isUniqueViolation(error, 'idempotency_keys_pkey')) {
        const winner = await this.dataSource.manager.findOneByOrFail(IdempotencyKeyEntity, { ownerId: user.id, key: idempotencyKey });
        return this.replay(user, winner, hash);
      }
      throw error;
    }
    await this.startWorkflow(id, stored, policy, form);
    return this.cases.freshView(user, id);
  }

  /** The schema's personal-data paths, found once per stored version (a stored body never changes). */
  private personalDataPathsOf(stored: StoredProcessDefinition): string[] {
    let paths = this.personalDataPaths.get(stored.definition);
    if (!paths) {
      paths = personalDataPaths(stored.definition.form.schema);
      this.personalDataPaths.set(stored.definition, paths);
    }
    return paths;
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
    const stored = await this.definitions.version(record.process.key, record.process.version);
    const flags = record.process.key === ENTERPRISE_OPENING ? await this.checkOpeningCorrection(record, dto.changes) : await this.checkCorrection(record, stored, dto.changes);

    const correctionId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.corrections.insert(manager, {
        id: correctionId,
        caseId: record.id,
        round: record.correctionRound,
        changes: this.cipher.sealFields(dto.changes, personalDataPaths(stored.definition.form.schema)),
        submittedById: user.id,
      });
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
        await this.corrections.refuse(correctionId);
      }
      throw error;
    }
    await this.caseRows.saveFlags(record.id, flags);
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
    const name = await this.users.nameOf(user.id);
    const flag = filerIdentityFlag({ role: user.role, name: name ?? null }, form);
    return flag ? [flag] : [];
  }

  private async applicantFor(user: AuthenticatedUser, onBehalfOf: string | undefined): Promise<string> {
    if (user.role !== 'WINDOW') {
      if (onBehalfOf !== undefined) throw validationFailed([{ path: 'onBehalfOf', messages: ['onBehalfOf is for window clerks only'] }]);
      return user.id;
    }
    if (onBehalfOf === undefined) throw validationFailed([{ path: 'onBehalfOf', messages: ['onBehalfOf must name the applicant this case is filed for'] }]);
    const applicant = await this.users.applicantForFiling(onBehalfOf);
    if (!applicant) throw validationFailed([{ path: 'onBehalfOf', messages: ['onBehalfOf is not a registered applicant'], codes: ['ON_BEHALF_OF_UNKNOWN'] }]);
    // A walk-in account opened at the window files only once its mobile is confirmed: the case's notices
    // (a correction asked, the outcome) go to that number, and a mistyped one would send them to a stranger.
    if (applicant.pending) {
      throw new AppError('APPLICANT_NOT_CONFIRMED', 'The applicant’s account waits for the code texted to its mobile: confirm it first', [
        { path: 'onBehalfOf', messages: ['onBehalfOf is not confirmed by the code texted to its mobile'], codes: ['APPLICANT_NOT_CONFIRMED'] },
      ]);
    }
    return applicant.id;
  }

  /** An earlier request with the same key: same body → its case again; another body → 409. */
  private async replay(user: AuthenticatedUser, earlier: IdempotencyKeyEntity, hash: string): Promise<CaseResponseDto> {
    if (earlier.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
    const record = await this.cases.find(earlier.caseId);
    if (!record) throw new AppError('NOT_FOUND', 'No such case');
    // The first attempt may have died between its commit and the start: starting again is harmless.
    if (record.status === 'SUBMITTED') await this.startWorkflow(record.id, await this.definitions.version(record.process.key, record.process.version), record.policy, record.form);
    return this.cases.view(user, record);
  }

  /** An earlier request with the same key, if any. */
  private async earlier(user: AuthenticatedUser, idempotencyKey: string | undefined): Promise<IdempotencyKeyEntity | null> {
    return idempotencyKey === undefined ? null : this.dataSource.manager.findOneBy(IdempotencyKeyEntity, { ownerId: user.id, key: idempotencyKey });
  }

  /** The generic workflow, with the pinned definition's steps as this API's settings run them; ids only, no form. */
  private async startWorkflow(caseId: string, stored: StoredProcessDefinition, policy: CasePolicy, form: unknown): Promise<void> {
    await this.workflows.start<ProcessWorkflowInput>(caseId, PROCESS_WORKFLOW, processWorkflowInput(caseId, stored, policy, this.policies.steps, form));
  }

  /** The opening's corrected form: today's typed checks and rules; the filer's flag stays. */
  private async checkOpeningCorrection(record: CaseRecord, changes: Record<string, unknown>): Promise<RuleFlag[]> {
    const corrected = this.applyChanges(() => applyCorrections(record.form as ApplicationForm, changes));
    const typeErrors = await validateAs(ApplicationFormDto, corrected);
    if (typeErrors.length > 0) throw validationFailed(typeErrors);
    // The filer's flag stays: a correction does not make the filer any more verified.
    const kept = toFlags(record.flags).filter((flag) => flag.code === 'FILER_IDENTITY_UNVERIFIED') as RuleFlag[];
    return [...(await this.rules.check(corrected, { caseId: record.id })), ...kept];
  }

  /** Any other process: the corrected form against the pinned definition's schema and named rules. */
  private async checkCorrection(record: CaseRecord, stored: StoredProcessDefinition, changes: Record<string, unknown>): Promise<RuleFlag[]> {
    const corrected = this.applyChanges(() => applyFormChanges(record.form as object, changes));
    const problems = validateValue(stored.definition.form.schema, corrected);
    if (problems.length > 0) throw validationFailed(schemaProblemFields(problems, ''));
    return this.rules.checkNamed(stored.definition.form.rules, corrected, '', { caseId: record.id });
  }

  private applyChanges<T>(apply: () => T): T {
    try {
      return apply();
    } catch (error) {
      if (error instanceof CorrectionPathError) throw validationFailed([{ path: error.path.slice(0, 200), messages: ['cannot be changed this way: no such element, or its parent is missing'] }]);
      throw error;
    }
  }

}
