import { ApplicationFailure } from '@temporalio/common';
import {
  applyCorrections,
  changedPaths,
  ENTERPRISE_KIND_OF_DEPARTMENT,
  isDepartment,
  isS10Number,
  shanghaiDate,
  stepFormView,
  stepKind,
  systemDecisionProblem,
  type ApplicationForm,
  type RuleContext,
  type StepKind,
  type StepKindContext,
} from '@onetrip/domain';
import { evaluateCondition } from '@onetrip/domain/engine/conditions';
import { buildOutcome } from '@onetrip/domain/engine/outcome';
import type { StepCorrectionItem } from '@onetrip/domain/engine/process-graph';
import type { ProcessDefinition, StepDefinition } from '@onetrip/domain/engine/process-definition';
import type { NoticeResult } from '@onetrip/domain/step-kinds/public-notice.kind';
import { enterpriseOpeningOutcome } from '@onetrip/domain/processes/enterprise-opening/kinds/enterprise-outcome';
import { isSystemActor, POSTAL_SYSTEM, type CorrectionItem, type DepartmentMode, type ReturnItem, type TaskDecision, type TaskDecisionResult } from '../contracts';
import { CaseRecord, CaseStore, DecisionVerifier, DepartmentSystems, NameTakenError, NoticeStore, Notifier, OpenTask, ProcessDefinitions, SignedCaseCommand, TaskDecisionRecord } from './case.ports';

export interface OpenStepInput {
  caseId: string;
  taskId: string;
  department: string;
  /** processWorkflow: the definition's step (its kind and reads come from the definition). caseWorkflow sends none. */
  stepId?: string;
  round: number;
  mode: DepartmentMode;
  openedAt: string;
  dueAt: string;
  /** The first step of a case also tells the applicant the case was submitted. */
  firstOfCase: boolean;
}

export interface DecisionInput extends TaskDecision {
  caseId: string;
  department: string;
  /** processWorkflow: the definition's step. */
  stepId?: string;
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

/** A step of the case's definition; throws non-retryably when the definition has no such step. */
function stepOf(definition: ProcessDefinition, stepId: string): StepDefinition {
  const step = definition.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw ApplicationFailure.nonRetryable(`${definition.key} v${definition.version} has no step ${stepId}`, 'STEP_UNKNOWN');
  return step;
}

/** The steps whose `when` does not hold for the form, in definition order. */
export function skippedSteps(definition: ProcessDefinition, form: unknown): string[] {
  return definition.steps.filter((step) => step.when !== undefined && !evaluateCondition(step.when, form)).map((step) => step.id);
}

export interface NoticeOpening {
  caseId: string;
  taskId: string;
  stepId: string;
  department: string;
  round: number;
  openedAt: string;
  endsAt: string;
}

export interface NoticeClosing {
  caseId: string;
  taskId: string;
  stepId: string;
  department: string;
  result: NoticeResult;
  closedAt: string;
}

/** The value at a form path without indexes (`enterprise.name`), as a string ('' when absent). */
function formText(form: unknown, path: string): string {
  let value: unknown = form;
  for (const part of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'string' ? value : '';
}

export function createCaseActivities(deps: {
  cases: CaseStore;
  notifier: Notifier;
  decisions: DecisionVerifier;
  definitions?: ProcessDefinitions;
  notices?: NoticeStore;
  /** SYSTEM mode: the departments' own systems (absent: such a step fails, shown as stuck, until configured). */
  systems?: DepartmentSystems;
}) {
  const { cases, notifier, decisions } = deps;

  function definitionOf(record: CaseRecord): Promise<ProcessDefinition> {
    if (!deps.definitions) throw ApplicationFailure.nonRetryable('this worker has no process definitions store', 'DEFINITIONS_MISSING');
    return deps.definitions.get(record.process.key, record.process.version);
  }

  /** The kind that decides a step, and the form paths it reads: the definition's (processWorkflow) or the department's (caseWorkflow). */
  async function kindOf(record: CaseRecord, input: { department: string; stepId?: string }): Promise<{ kind: StepKind; reads?: readonly string[] }> {
    if (input.stepId !== undefined) {
      const step = stepOf(await definitionOf(record), input.stepId);
      return { kind: stepKind(step.kind), reads: step.reads };
    }
    if (!isDepartment(input.department)) throw ApplicationFailure.nonRetryable(`unknown department ${input.department}`, 'STEP_UNKNOWN');
    return { kind: stepKind(ENTERPRISE_KIND_OF_DEPARTMENT[input.department]) };
  }

  function openTaskOf(input: OpenStepInput): OpenTask {
    return {
      id: input.taskId,
      caseId: input.caseId,
      department: input.department,
      stepId: input.stepId ?? input.department,
      round: input.round,
      mode: input.mode,
      openedAt: new Date(input.openedAt),
      dueAt: new Date(input.dueAt),
      firstOfCase: input.firstOfCase,
    };
  }

  /** The task (once) and the case's progress; true when this attempt opened it. */
  function openTask(input: OpenStepInput): Promise<boolean> {
    return cases.openTask(openTaskOf(input));
  }

  function notifySubmitted(record: CaseRecord): Promise<void> {
    return notifier.notify({ caseId: record.id, recipientId: record.applicantId, kind: 'SUBMITTED', dedupeKey: `${record.id}:SUBMITTED`, payload: {} });
  }

  async function openStep(input: OpenStepInput): Promise<void> {
    // The first step reads the case (whom to notify) in the same round trip as it opens.
    if (input.firstOfCase) await notifySubmitted((await cases.openTaskReading(openTaskOf(input), { outage: false })).record);
    else await openTask(input);
  }

  /** A step's result; caseWorkflow's (no step id) keeps its shape exactly. */
  function result(taskId: string, department: string, stepId: string | undefined, status: TaskDecisionResult['status'], outputs?: Record<string, unknown>): TaskDecisionResult {
    // The department is a definition's code for processWorkflow (see TaskDecisionResult.department).
    const answer = { taskId, department: department as TaskDecisionResult['department'], status, outputs };
    return stepId === undefined ? answer : { ...answer, stepId };
  }

  /** Writes a decision once and answers with the step's result; a retry finds the first answer. */
  async function saveOnce(record: TaskDecisionRecord, department: string, stepId?: string): Promise<TaskDecisionResult> {
    let saved: boolean;
    try {
      saved = await cases.saveDecision(record);
    } catch (error) {
      if (error instanceof NameTakenError) throw ApplicationFailure.nonRetryable(error.message, NAME_TAKEN);
      throw error;
    }
    // Written now: the result is what was written. Otherwise an earlier attempt decided: read it.
    if (saved) return result(record.taskId, department, stepId, record.status, record.outputs);
    const task = await cases.getTask(record.taskId);
    if (!task) throw ApplicationFailure.nonRetryable(`task ${record.taskId} vanished`, 'TASK_MISSING');
    return result(task.id, department, stepId, task.status, task.outputs ?? undefined);
  }

  /** A clerk's (or admin's, or a department system's callback) decision, delivered by the workflow's Update handler. */
  async function recordDecision(input: DecisionInput): Promise<TaskDecisionResult> {
    // Before anything is read or written: a decision that did not come through the API changes nothing.
    const forged = decisions.problem(input);
    if (forged) throw ApplicationFailure.nonRetryable(forged.message, forged.type);
    // A department system decides as no person (decided_by stays empty, as for AUTO).
    return decide({ ...input, actorId: isSystemActor(input.actorId) ? null : input.actorId });
  }

  /** Writes a decision once (a retry finds the first); COMPLETE issues the kind's outputs. */
  async function decide(input: Omit<DecisionInput, 'actorId' | 'signedAt' | 'signature'> & { actorId: string | null }): Promise<TaskDecisionResult> {
    const decidedAt = new Date(input.decidedAt);
    const base = { taskId: input.taskId, caseId: input.caseId, actorId: input.actorId, decidedAt };
    // A return or refusal reads nothing first: its write is guarded on the task being open, and a retry that finds
    // it decided answers the first decision (saveOnce).
    if (input.decision === 'RETURN') return saveOnce({ ...base, status: 'RETURNED', returnItems: input.items ?? [] }, input.department, input.stepId);
    if (input.decision === 'REJECT') return saveOnce({ ...base, status: 'REJECTED', rejectReason: input.reason ?? '' }, input.department, input.stepId);

    // A completion reads the case and the task in one round trip: a retry after the first attempt wrote answers
    // that, and issues nothing again (no second enterprise number).
    const { record, task: existing } = await cases.getCaseWithTask(input.caseId, input.taskId);
    if (existing && ['DONE', 'RETURNED', 'REJECTED'].includes(existing.status)) {
      return result(existing.id, input.department, input.stepId, existing.status, existing.outputs ?? undefined);
    }
    const { kind, reads } = await kindOf(record, input);
    const ctx: StepKindContext = { rules: ruleContext(record, decidedAt), uscc: record.uscc ?? undefined, reads, caseId: record.id };
    if (kind.needsLicence && !ctx.uscc) throw ApplicationFailure.nonRetryable(`${input.department} cannot complete before the licence exists`, 'LICENCE_REQUIRED');
    if (kind.issuesLicence && !ctx.uscc) ctx.enterpriseSequence = await cases.nextEnterpriseSequence();
    const outputs = kind.issue(record.form, ctx, input.outputs ?? {});
    const licence = kind.licence?.(record.form, outputs);
    return saveOnce({ ...base, status: 'DONE', outputs, licence }, input.department, input.stepId);
  }

  /**
   * SYSTEM mode: sends the task to the department's own system (its part of the form only) and records its
   * answer when it decides at once; answers `{ accepted: true }` when it will call back (202). A retry after a
   * decision (the callback came first, or an earlier attempt recorded it) answers that decision and calls nobody.
   */
  async function callDepartmentSystem(input: OpenStepInput): Promise<(TaskDecisionResult & { items?: ReturnItem[]; reason?: string }) | { accepted: true }> {
    const existing = await cases.getTask(input.taskId);
    if (existing && ['DONE', 'RETURNED', 'REJECTED'].includes(existing.status)) {
      return result(existing.id, input.department, input.stepId, existing.status, existing.outputs ?? undefined);
    }
    if (!deps.systems) throw new Error(`${input.department} system: this worker has no department systems configured`);
    if (input.stepId === undefined) throw ApplicationFailure.nonRetryable('SYSTEM mode runs only in processWorkflow (steps from a definition)', 'STEP_UNKNOWN');
    const record = await cases.getCase(input.caseId);
    const definition = await definitionOf(record);
    const step = stepOf(definition, input.stepId);
    // Data minimisation: the department's system sees what its clerk would, no more.
    const { form } = stepFormView(step, definition.form.schema, record.form);
    const answer = await deps.systems.submit({
      taskId: input.taskId,
      caseId: input.caseId,
      department: input.department,
      stepId: input.stepId,
      round: input.round,
      process: record.process,
      kind: step.kind,
      dueAt: input.dueAt,
      form,
    });
    if (answer.status === 'ACCEPTED') return { accepted: true };
    const problem = systemDecisionProblem(step, answer);
    // Retryable on purpose: the step shows as failing with the department's mistake until it answers right.
    if (problem) throw new Error(`${input.department} system answered a decision the step cannot take: ${problem}`);
    const decided = await decide({
      taskId: input.taskId,
      caseId: input.caseId,
      department: input.department,
      stepId: input.stepId,
      actorId: null,
      decision: answer.decision,
      outputs: answer.outputs,
      items: answer.items,
      reason: answer.reason,
      decidedAt: new Date().toISOString(),
    });
    return { ...decided, ...(answer.items ? { items: answer.items } : {}), ...(answer.reason ? { reason: answer.reason } : {}) };
  }

  /** 即来即办: an AUTO department opens, decides by rules and records, in one round trip. */
  async function runAutomaticStep(input: OpenStepInput): Promise<TaskDecisionResult & { items?: ReturnItem[]; reason?: string }> {
    // One round trip opens the task and reads the case and the department's outage.
    const { opened, record, outage } = await cases.openTaskReading(openTaskOf(input));
    // A task this attempt opened has no decision yet; only a retry needs to look for one.
    if (!opened) {
      const existing = await cases.getTask(input.taskId);
      if (existing && ['DONE', 'RETURNED', 'REJECTED'].includes(existing.status)) {
        return result(existing.id, input.department, input.stepId, existing.status, existing.outputs ?? undefined);
      }
    }
    if (input.firstOfCase) await notifySubmitted(record);
    // Retryable on purpose: the step waits for the department's system to come back.
    if (outage) throw new Error(`${input.department} system unavailable: ${outage}`);
    const decidedAt = new Date();
    const { kind, reads } = await kindOf(record, input);
    const needsSequence = kind.issuesLicence && !record.uscc;
    const decision = kind.autoDecide(record.form, {
      rules: ruleContext(record, decidedAt),
      uscc: record.uscc ?? undefined,
      enterpriseSequence: needsSequence ? await cases.nextEnterpriseSequence() : undefined,
      reads,
      caseId: record.id,
    });
    const base = { taskId: input.taskId, caseId: input.caseId, actorId: null, decidedAt };
    const save = (record: TaskDecisionRecord) => saveOnce(record, input.department, input.stepId);
    if (decision.decision === 'RETURN') {
      const items = decision.items.map(({ field, reason }) => ({ field, reason }));
      return { ...(await save({ ...base, status: 'RETURNED', returnItems: items })), items };
    }
    if (decision.decision === 'REJECT') {
      return { ...(await save({ ...base, status: 'REJECTED', rejectReason: decision.reason })), reason: decision.reason };
    }
    const outputs = decision.outputs;
    const licence = kind.licence?.(record.form, outputs);
    try {
      return await save({ ...base, status: 'DONE', outputs, licence });
    } catch (error) {
      // A name registered meanwhile by another case: the applicant must choose another.
      if (error instanceof ApplicationFailure && error.type === NAME_TAKEN) {
        const items = [{ field: 'company.name', reason: 'The enterprise name is already registered' }];
        return { ...(await save({ ...base, status: 'RETURNED', returnItems: items })), items };
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
  async function requestCorrection(input: { caseId: string; round: number; items: (CorrectionItem | StepCorrectionItem)[] }): Promise<void> {
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

  /**
   * Applies the applicant's stored correction to the form; answers which paths really changed and, for
   * processWorkflow (`conditions`), which steps the corrected form does not need (their `when` re-evaluated).
   */
  async function applyCorrection(input: { caseId: string; correctionId: string; round: number; conditions?: boolean }): Promise<{ changedPaths: string[]; skipped?: string[] }> {
    const correction = await cases.getCorrection(input.correctionId);
    if (!correction) throw ApplicationFailure.nonRetryable('correction not found', 'CORRECTION_MISSING');
    const withSkipped = async (changed: string[], form?: ApplicationForm) => {
      if (!input.conditions) return { changedPaths: changed };
      const record = await cases.getCase(input.caseId);
      return { changedPaths: changed, skipped: skippedSteps(await definitionOf(record), form ?? record.form) };
    };
    // Applied by an earlier attempt: the stored form is the corrected one.
    if (correction.status === 'APPLIED') return withSkipped(correction.changedPaths ?? []);
    const record = await cases.getCase(input.caseId);
    const corrected = applyCorrections(record.form, correction.changes);
    const changed = changedPaths(record.form, corrected);
    await cases.saveCorrection(input.caseId, { correctionId: correction.id, form: corrected, changedPaths: changed }, new Date());
    return withSkipped(changed, corrected);
  }

  /** 一次办好: one combined outcome from every department's result (caseWorkflow's cases). */
  async function completeCase(input: { caseId: string }): Promise<void> {
    const record = await cases.getCase(input.caseId);
    const outcome = enterpriseOpeningOutcome(await cases.doneOutputs(input.caseId), record.form);
    await finish(record, outcome);
  }

  /**
   * 一次办好 for processWorkflow: the outcome built by the case's definition from its needed steps' results.
   * `mail`: the results go by free mail, there is a licence to send and a postal system to send it through (the
   * workflow then calls shipByMail).
   */
  async function completeProcess(input: { caseId: string; skipped: string[] }): Promise<{ mail: boolean }> {
    const { record, outputsByStep: outputs } = await cases.getCaseWithOutputs(input.caseId);
    const definition = await definitionOf(record);
    // A step that became not needed after a correction may have finished before it: its result is not part of the outcome.
    for (const id of input.skipped) delete outputs[id];
    const outcome = buildOutcome(definition, outputs, record.form);
    await finish(record, outcome);
    const delivery = (record.form as { delivery?: { method?: string } }).delivery;
    // Only with a postal system configured: otherwise no activity is scheduled for nothing.
    return { mail: deps.systems?.postal === true && delivery?.method === 'FREE_MAIL' && typeof outcome.licenseNumber === 'string' };
  }

  /**
   * 政务专递: a free-mail case's results handed to the postal service's system, which issues the item number
   * (S10, checked). One shipment per case: the case id is the request's idempotency key, and a number already
   * stored is answered without asking again. Without a postal system configured nothing is sent (no number).
   */
  async function shipByMail(input: { caseId: string }): Promise<{ trackingNumber: string | null }> {
    const { systems } = deps;
    if (!systems?.postal || !systems.ship || !cases.shipmentOf || !cases.recordShipment) return { trackingNumber: null };
    const known = await cases.shipmentOf(input.caseId);
    if (known.trackingNumber) return { trackingNumber: known.trackingNumber };
    if (!known.licenseNumber) throw ApplicationFailure.nonRetryable(`case ${input.caseId} has no licence to mail`, 'LICENCE_REQUIRED');
    const record = await cases.getCase(input.caseId);
    const form = record.form as { legalRepresentative?: { name?: string; mobile?: string }; delivery?: { address?: string } };
    const answer = await systems.ship({
      shipmentId: input.caseId,
      caseId: input.caseId,
      licenseNumber: known.licenseNumber,
      recipient: { name: form.legalRepresentative?.name ?? '', mobile: form.legalRepresentative?.mobile ?? '', address: form.delivery?.address ?? '' },
    });
    if (!isS10Number(answer.trackingNumber)) throw new Error(`${POSTAL_SYSTEM} system answered an item number that is not S10 with a right check digit`);
    return { trackingNumber: await cases.recordShipment(input.caseId, answer.trackingNumber, new Date()) };
  }

  async function finish(record: CaseRecord, outcome: Record<string, unknown>): Promise<void> {
    await cases.completeCase(record.id, outcome, new Date());
    // The notice names the enterprise's code when the process issued one (codes only, no personal data).
    await notifier.notify({ caseId: record.id, recipientId: record.applicantId, kind: 'COMPLETED', dedupeKey: `${record.id}:COMPLETED`, payload: { uscc: outcome.uscc } });
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

  function noticeStore(): NoticeStore {
    if (!deps.notices) throw ApplicationFailure.nonRetryable('this worker has no notice store', 'NOTICES_MISSING');
    return deps.notices;
  }

  /** A notice period begins: its task (no clerk decides it) and its entry in the public list, each once. */
  async function openNotice(input: NoticeOpening): Promise<void> {
    const record = await cases.getCase(input.caseId);
    const step = stepOf(await definitionOf(record), input.stepId);
    if (!step.notice) throw ApplicationFailure.nonRetryable(`${input.stepId} is not a notice step`, 'STEP_UNKNOWN');
    await openTask({ ...input, mode: 'AUTO', dueAt: input.endsAt, firstOfCase: false });
    await noticeStore().publish({
      caseId: input.caseId,
      stepId: input.stepId,
      taskId: input.taskId,
      subjectName: formText(record.form, step.notice.publish.name),
      subjectCode: formText(record.form, step.notice.publish.code),
      startsAt: new Date(input.openedAt),
      endsAt: new Date(input.endsAt),
    });
  }

  /** A notice period is over: its task DONE with how it ended, and it leaves the public list. */
  async function closeNotice(input: NoticeClosing): Promise<TaskDecisionResult> {
    const closedAt = new Date(input.closedAt);
    const outputs = { result: input.result, endedAt: input.closedAt };
    const answer = await saveOnce({ taskId: input.taskId, caseId: input.caseId, status: 'DONE', actorId: null, outputs, decidedAt: closedAt }, input.department, input.stepId);
    await noticeStore().close(input.taskId, closedAt);
    return answer;
  }

  return {
    openNotice,
    closeNotice,
    openStep,
    recordDecision,
    callDepartmentSystem,
    runAutomaticStep,
    remindStep,
    escalateOverdueStep,
    requestCorrection,
    applyCorrection,
    completeCase,
    completeProcess,
    shipByMail,
    endCase,
    verifyCommand,
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
