import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUuid, maskApplicationForm, maskPersonalData, personalDataPaths, type ApplicationForm, type ProcessDefinition } from '@onetrip/domain';
import { PersonalDataCipher } from '@onetrip/infrastructure';
import type { CasePolicy } from '@onetrip/workflows/contracts';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { ProcessDefinitionsService } from '../processes/process-definitions.service';
import { TasksRepository } from '../tasks/tasks.repository';
import { canSeeCase, ownsCase } from './case-access';
import { toCaseView, type CaseViewSource, type StepTaskSource } from './case-view.mapper';
import { CasesRepository, type CaseOwnerFilter, type CaseRow } from './cases.repository';
import { maskFormAt } from './form-masking';
import { ENTERPRISE_OPENING } from './process-keys';
import type { CaseResponseDto } from './dto/case-response.dto';

export interface CaseRecord extends CaseViewSource {
  applicantId: string;
  filedById: string;
  policy: CasePolicy;
}

/** The row as a record, its personal data decrypted (the one place the API reads forms from). */
function toRecord(row: CaseRow, cipher: PersonalDataCipher): CaseRecord {
  return {
    id: row.id,
    applicantId: row.applicant_id,
    filedById: row.filed_by_id,
    process: { key: row.process_key, version: row.process_version },
    status: row.status,
    form: cipher.openFields(row.form) as ApplicationForm,
    policy: row.policy,
    correctionRound: row.correction_round,
    correction: row.correction,
    outcome: row.outcome,
    fees: row.fees,
    flags: row.flags,
    endReason: row.end_reason,
    submittedAt: row.submitted_at,
    completedAt: row.completed_at,
  };
}

export interface CasePage {
  items: CaseRecord[];
  total: number;
}


/** Reads cases and their tasks from PostgreSQL, and who may see them. */
@Injectable()
export class CaseReader {
  constructor(
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly definitions: ProcessDefinitionsService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async find(id: string, manager?: EntityManager): Promise<CaseRecord | null> {
    if (!isUuid(id)) return null;
    const row = await this.cases.find(id, manager);
    return row ? toRecord(row, this.cipher) : null;
  }

  /** The case if the caller may see it; 404 otherwise, so other people's case ids cannot be probed. */
  async findVisible(user: AuthenticatedUser, id: string): Promise<CaseRecord> {
    const record = await this.find(id);
    if (!record || !canSeeCase(user, record)) throw new AppError('NOT_FOUND', 'No such case');
    return record;
  }

  /** The case if the caller owns it (its applicant, or the window that filed it); 404 otherwise. */
  async findOwned(user: AuthenticatedUser, id: string): Promise<CaseRecord> {
    const record = await this.find(id);
    if (!record || !ownsCase(user, record)) throw new AppError('NOT_FOUND', 'No such case');
    return record;
  }

  /** APPLICANT: their cases; WINDOW: the cases it filed; ADMIN: all. Newest first. */
  async page(user: AuthenticatedUser, limit: number, offset: number): Promise<CasePage> {
    const owner: CaseOwnerFilter = user.role === 'APPLICANT' ? { applicantId: user.id } : user.role === 'WINDOW' ? { filedById: user.id } : 'ALL';
    const { rows, total } = await this.cases.page(owner, limit, offset);
    return { items: rows.map((row) => toRecord(row, this.cipher)), total };
  }

  /** The definition version a case pinned (cached: a stored version never changes). */
  async definitionOf(record: Pick<CaseRecord, 'process'>): Promise<ProcessDefinition> {
    return (await this.definitions.version(record.process.key, record.process.version)).definition;
  }

  /**
   * The form with its personal data masked (lists, the admin's default view): the opening's keeps its own
   * masking shapes; any other process's is masked by its schema's x-personal-data paths.
   */
  maskedForm(record: Pick<CaseRecord, 'process' | 'form'>, definition: ProcessDefinition): unknown {
    if (record.process.key === ENTERPRISE_OPENING) return maskApplicationForm(record.form);
    return maskFormAt(record.form, personalDataPaths(definition.form.schema), maskPersonalData);
  }

  async views(user: AuthenticatedUser, records: readonly CaseRecord[], now = new Date(), listed = false): Promise<CaseResponseDto[]> {
    if (records.length === 0) return [];
    const rows = await this.tasks.forCases(records.map((record) => record.id));
    const byCase = new Map<string, StepTaskSource[]>();
    for (const row of rows) {
      const task: StepTaskSource = {
        stepId: row.step_id,
        department: row.department,
        round: row.round,
        status: row.status,
        dueAt: row.due_at,
        overdueAt: row.overdue_at,
        decidedAt: row.decided_at,
        outputs: row.outputs,
      };
      byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), task]);
    }
    // The window files for people at the counter: its own cases say whom for (its list and the case page).
    const filedHere = user.role === 'WINDOW' ? records.filter((record) => record.filedById === user.id && record.applicantId !== user.id) : [];
    const applicants = await this.cases.accountNames([...new Set(filedHere.map((record) => record.applicantId))]);
    return Promise.all(
      records.map(async (record) => {
        const definition = await this.definitionOf(record);
        const maskForm = () => this.maskedForm(record, definition);
        const account = filedHere.includes(record) ? applicants.get(record.applicantId) : undefined;
        const applicant = account ? { username: account.username, ...(account.name ? { name: account.name } : {}) } : undefined;
        return toCaseView(record, definition, byCase.get(record.id) ?? [], { now, includeForm: ownsCase(user, record), listed, maskForm, calendar: record.policy?.calendar, applicant });
      }),
    );
  }

  async view(user: AuthenticatedUser, record: CaseRecord): Promise<CaseResponseDto> {
    const [view] = await this.views(user, [record]);
    return view;
  }

  /** Re-reads the case (after a write by us or by the worker) and answers its view. */
  async freshView(user: AuthenticatedUser, id: string): Promise<CaseResponseDto> {
    return this.view(user, await this.findVisible(user, id));
  }
}
