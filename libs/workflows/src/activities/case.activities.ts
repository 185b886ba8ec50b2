import { ApplicationFailure } from '@temporalio/common';
import {
  applyCorrections,
  autoDecide,
  bankAccountNumber,
  BANKS,
  changedPaths,
  Department,
  findBank,
  generateUscc,
  licenseNumber,
  normaliseEnterpriseName,
  sealCode,
  SEAL_KINDS,
  shanghaiDate,
  socialInsuranceNumber,
  tripsRequired,
  ukeyNumber,
  type ApplicationForm,
  type RuleContext,
} from '@onetrip/domain';
import type { CorrectionItem, DepartmentMode, ReturnItem, TaskDecision, TaskDecisionResult } from '../contracts';
import { CaseRecord, CaseStore, DecisionVerifier, NameTakenError, Notifier, SignedCaseCommand, TaskDecisionRecord } from './case.ports';

export interface OpenStepInput {
  caseId: string;
  taskId: string;
  department: Department;
  round: number;
  mode: DepartmentMode;
  openedAt: string;
  dueAt: string;
  /** The first step of a case also tells the applicant the case was submitted. */
  firstOfCase: boolean;
}

export interface DecisionInput extends TaskDecision {
  caseId: string;
  department: Department;
  decidedAt: string;
}

// Failure types the workflow turns into a refused Update rather than retrying.
export const NAME_TAKEN = 'NAME_TAKEN';

function ruleContext(record: CaseRecord, at: Date, nameTaken = false): RuleContext {
  return {
    today: shanghaiDate(at),
    jurisdiction: record.policy.rules.jurisdiction,
    forbiddenWords: record.policy.rules.forbiddenWords,
    nameTaken,
  };
}

/** What a department issues when a clerk completes the step: given values win, the rest is generated. */
function issuedOutputs(department: Department, form: ApplicationForm, uscc: string, given: Record<string, string>): Record<string, unknown> {
  switch (department) {
    case 'SAMR':
      return { uscc, licenseNumber: given.licenseNumber ?? licenseNumber(uscc), enterpriseName: form.company.name };
    case 'PSB':
      return { seals: SEAL_KINDS.filter((kind) => form.seals.kinds.includes(kind)).map((kind) => ({ kind, filingCode: given[kind] ?? sealCode(uscc, kind) })) };
    case 'TAX':
      return {
        taxpayerId: uscc,
        taxpayerType: form.tax.taxpayerType,
        invoicesApproved: form.tax.invoices,
        ukeyNumber: form.tax.ukey ? (given.ukeyNumber ?? ukeyNumber(uscc)) : null,
      };
    case 'HRSS':
      return { socialInsuranceNumber: given.registrationNumber ?? socialInsuranceNumber(uscc), enrolledEmployees: form.socialInsurance.employees.length };
    case 'BANK': {
      const bank = findBank(form.bank.bankCode, BANKS);
      return {
        bankCode: form.bank.bankCode,
        bankName: bank?.nameZh ?? form.bank.bankCode,
        branch: given.branch ?? (form.bank.branch?.trim() || bank?.defaultBranch || ''),
        accountNumber: given.accountNumber ?? bankAccountNumber(form.bank.bankCode, uscc, bank?.accountLength),
      };
    }
  }
}

export function createCaseActivities(deps: { cases: CaseStore; notifier: Notifier; decisions: DecisionVerifier }) {
  const { cases, notifier, decisions } = deps;

  /** The task (once) and the case's progress; true when this attempt opened it. */
  function openTask(input: OpenStepInput): Promise<boolean> {
    return cases.openTask({
      id: input.taskId,
      caseId: input.caseId,
      department: input.department,
      round: input.round,
      mode: input.mode,
      openedAt: new Date(input.openedAt),
      dueAt: new Date(input.dueAt),
    });
  }

  function notifySubmitted(record: CaseRecord): Promise<void> {
    return notifier.notify({ caseId: record.id, recipientId: record.applicantId, kind: 'SUBMITTED', dedupeKey: `${record.id}:SUBMITTED`, payload: {} });
  }

  async function openStep(input: OpenStepInput): Promise<void> {
    await openTask(input);
    if (input.firstOfCase) await notifySubmitted(await cases.getCase(input.caseId));
  }

  /** Writes a decision once and answers with the step's result; a retry finds the first answer. */
  async function saveOnce(record: TaskDecisionRecord, department: Department): Promise<TaskDecisionResult> {
    let saved: boolean;
    try {
      saved = await cases.saveDecision(record);
    } catch (error) {
      if (error instanceof NameTakenError) throw ApplicationFailure.nonRetryable(error.message, NAME_TAKEN);
      throw error;
    }
    // Written now: the result is what was written. Otherwise an earlier attempt decided: read it.
    if (saved) return { taskId: record.taskId, department, status: record.status, outputs: record.outputs };
    const task = await cases.getTask(record.taskId);
    if (!task) throw ApplicationFailure.nonRetryable(`task ${record.taskId} vanished`, 'TASK_MISSING');
    return { taskId: task.id, department, status: task.status, outputs: task.outputs ?? undefined };
  }

  /** A clerk's (or admin's) decision, delivered by the workflow's Update handler. */
  async function recordDecision(input: DecisionInput): Promise<TaskDecisionResult> {
    // Before anything is read or written: a decision that did not come through the API changes nothing.
    const forged = decisions.problem(input);
    if (forged) throw ApplicationFailure.nonRetryable(forged.message, forged.type);
    const existing = await cases.getTask(input.taskId);
    if (existing && ['DONE', 'RETURNED', 'REJECTED'].includes(existing.status)) {
      return { taskId: existing.id, department: input.department, status: existing.status, outputs: existing.outputs ?? undefined };
    }
    const decidedAt = new Date(input.decidedAt);
    const base = { taskId: input.taskId, caseId: input.caseId, actorId: input.actorId, decidedAt };
    if (input.decision === 'RETURN') return saveOnce({ ...base, status: 'RETURNED', returnItems: input.items ?? [] }, input.department);
    if (input.decision === 'REJECT') return saveOnce({ ...base, status: 'REJECTED', rejectReason: input.reason ?? '' }, input.department);

    const record = await cases.getCase(input.caseId);
    const uscc =
      record.uscc ??
      (input.department === 'SAMR'
        ? generateUscc({ divisionCode: record.policy.rules.jurisdiction.divisionCode, sequence: await cases.nextEnterpriseSequence() })
        : undefined);
    if (!uscc) throw ApplicationFailure.nonRetryable(`${input.department} cannot complete before the licence exists`, 'LICENCE_REQUIRED');
    const outputs = issuedOutputs(input.department, record.form, uscc, input.outputs ?? {});
    const licence = input.department === 'SAMR' ? { enterpriseName: normaliseEnterpriseName(record.form.company.name), uscc } : undefined;
    return saveOnce({ ...base, status: 'DONE', outputs, licence }, input.department);
  }

  /** 即来即办: an AUTO department opens, decides by rules and records, in one round trip. */
  async function runAutomaticStep(input: OpenStepInput): Promise<TaskDecisionResult & { items?: ReturnItem[]; reason?: string }> {
    // A task this attempt opened has no decision yet; only a retry needs to look for one.
    if (!(await openTask(input))) {
      const existing = await cases.getTask(input.taskId);
      if (existing && ['DONE', 'RETURNED', 'REJECTED'].includes(existing.status)) {
        return { taskId: existing.id, department: input.department, status: existing.status, outputs: existing.outputs ?? undefined };
      }
    }
    const record = await cases.getCase(input.caseId);
    if (input.firstOfCase) await notifySubmitted(record);
    const outage = await cases.departmentOutage(input.department, input.caseId);
    // Retryable on purpose: the step waits for the department's system to come back.
    if (outage) throw new Error(`${input.department} system unavailable: ${outage}`);
    const decidedAt = new Date();
    const needsSequence = input.department === 'SAMR' && !record.uscc;
    const decision = autoDecide(input.department, record.form, {
      rules: ruleContext(record, decidedAt),
      uscc: record.uscc ?? undefined,
      enterpriseSequence: needsSequence ? await cases.nextEnterpriseSequence() : undefined,
    });
    const base = { taskId: input.taskId, caseId: input.caseId, actorId: null, decidedAt };
    if (decision.decision === 'RETURN') {
      const items = decision.items.map(({ field, reason }) => ({ field, reason }));
      return { ...(await saveOnce({ ...base, status: 'RETURNED', returnItems: items }, input.department)), items };
    }
    if (decision.decision === 'REJECT') {
      return { ...(await saveOnce({ ...base, status: 'REJECTED', rejectReason: decision.reason }, input.department)), reason: decision.reason };
    }
    const outputs = decision.outputs as unknown as Record<string, unknown>;
    const licence = input.department === 'SAMR' ? { enterpriseName: normaliseEnterpriseName(record.form.company.name), uscc: String(outputs.uscc) } : undefined;
    try {
      return await saveOnce({ ...base, status: 'DONE', outputs, licence }, input.department);
    } catch (error) {
      // A name registered meanwhile by another case: the applicant must choose another.
      if (error instanceof ApplicationFailure && error.type === NAME_TAKEN) {
        const items = [{ field: 'company.name', reason: 'The enterprise name is already registered' }];
        return { ...(await saveOnce({ ...base, status: 'RETURNED', returnItems: items }, input.department)), items };
      }
      throw error;
    }
  }

  async function remindStep(input: { taskId: string }): Promise<void> {
    await cases.markReminded(input.taskId, new Date());
  }

  /** Past the time limit: marked overdue and escalated, so admins see it. */
  async function escalateOverdueStep(input: { taskId: string }): Promise<void> {
    await cases.markOverdue(input.taskId, new Date());
  }

  /** 一次告知: one notice with every item, sent once per correction round. */
  async function requestCorrection(input: { caseId: string; round: number; items: CorrectionItem[] }): Promise<void> {
    await cases.requestCorrection(input.caseId, input.round, input.items, new Date());
    const record = await cases.getCase(input.caseId);
    await notifier.notify({
      caseId: input.caseId,
      recipientId: record.applicantId,
      kind: 'CORRECTION_NEEDED',
      dedupeKey: `${input.caseId}:CORRECTION:${input.round}`,
      payload: { round: input.round, items: input.items },
    });
  }

  /** Applies the applicant's stored correction to the form; answers which paths really changed. */
  async function applyCorrection(input: { caseId: string; correctionId: string; round: number }): Promise<{ changedPaths: string[] }> {
    const correction = await cases.getCorrection(input.correctionId);
    if (!correction) throw ApplicationFailure.nonRetryable('correction not found', 'CORRECTION_MISSING');
    if (correction.status === 'APPLIED') return { changedPaths: correction.changedPaths ?? [] };
    const record = await cases.getCase(input.caseId);
    const corrected = applyCorrections(record.form, correction.changes);
    const changed = changedPaths(record.form, corrected);
    await cases.saveCorrection(input.caseId, { correctionId: correction.id, form: corrected, changedPaths: changed }, new Date());
    return { changedPaths: changed };
  }

  /** 一次办好: one combined outcome from every department's result. */
  async function completeCase(input: { caseId: string }): Promise<void> {
    const record = await cases.getCase(input.caseId);
    const outputs = await cases.doneOutputs(input.caseId);
    const samr = outputs.SAMR ?? {};
    const psb = (outputs.PSB ?? {}) as { seals?: { kind: string; filingCode: string }[] };
    const tax = outputs.TAX ?? {};
    const hrss = outputs.HRSS ?? {};
    const bank = outputs.BANK ?? {};
    const method = record.form.delivery.method;
    const outcome = {
      uscc: samr.uscc,
      licenseNumber: samr.licenseNumber,
      enterpriseName: samr.enterpriseName,
      seals: (psb.seals ?? []).map((seal) => ({ kind: seal.kind, code: seal.filingCode })),
      tax: { taxpayerId: tax.taxpayerId, ukeyNumber: tax.ukeyNumber ?? null, invoicesApproved: tax.invoicesApproved },
      socialInsurance: { registrationNumber: hrss.socialInsuranceNumber },
      bankAccount: { bankCode: bank.bankCode, bankName: bank.bankName, branch: bank.branch, accountNumber: bank.accountNumber },
      delivery: { method, tripsRequired: tripsRequired(method) },
    };
    await cases.completeCase(input.caseId, outcome, new Date());
    await notifier.notify({ caseId: input.caseId, recipientId: record.applicantId, kind: 'COMPLETED', dedupeKey: `${input.caseId}:COMPLETED`, payload: { uscc: samr.uscc } });
  }

  /** A cancellation, reopening or correction proves it came through the API before the workflow acts on it; it writes nothing. */
  async function verifyCommand(input: SignedCaseCommand): Promise<void> {
    const forged = decisions.commandProblem(input);
    if (forged) throw ApplicationFailure.nonRetryable(forged.message, forged.type);
  }

  async function endCase(input: { caseId: string; status: 'REJECTED' | 'CANCELLED'; reason: string }): Promise<void> {
    await cases.endCase(input.caseId, input.status, input.reason, new Date());
    const record = await cases.getCase(input.caseId);
    await notifier.notify({ caseId: input.caseId, recipientId: record.applicantId, kind: input.status, dedupeKey: `${input.caseId}:${input.status}`, payload: { reason: input.reason } });
  }

  return { openStep, recordDecision, runAutomaticStep, remindStep, escalateOverdueStep, requestCorrection, applyCorrection, completeCase, endCase, verifyCommand };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
