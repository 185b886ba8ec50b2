import {
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
} from '@temporalio/workflow';
// The domain's modules by path, not its index (which carries the name-folding dictionaries).
import { addWorkingMinutes } from '@onetrip/domain/calendar/working-calendar';
import { mergeStepCorrectionItems, readySteps, stepsToReopen, topologicalOrder } from '@onetrip/domain/engine/process-graph';
import type { PlannedStep } from '@onetrip/domain/engine/process-definition';
import type { StepStatus } from '@onetrip/domain/case/case-status';
import type { CaseActivities, OpenStepInput } from '../activities/case.activities';
import { asUpdateFailure, refuse, refuseUnsigned } from './update-refusals';
import { noticeSteps } from './notice-steps';
import type { SignedCaseCommand } from '../activities/case.ports';
import {
  cancelCaseUpdate,
  caseStateQuery,
  CASE_STATUS_KEY,
  decideTaskUpdate,
  NEXT_DUE_AT_KEY,
  raiseObjectionUpdate,
  OPEN_DEPARTMENTS_KEY,
  OVERDUE_DEPARTMENTS_KEY,
  reopenStepUpdate,
  submitCorrectionUpdate,
  type CaseState,
  type CaseStatus,
  type CaseWorkflowResult,
  type CorrectionResult,
  type ProcessWorkflowInput,
  type ReturnItem,
  type StepReopening,
  type StepState,
  type TaskDecision,
  type TaskDecisionResult,
} from '../contracts';

// The engine's one generic workflow: it runs the steps of any process definition as a DAG (一件事一次办).
// A new workflow type, so it started with caseWorkflow's behaviour and no patch markers: the local decision, the
// worker's check of signed commands and the end after a correction are unconditional here. Its own patches since: LOCAL_OUTCOME, POSTAL_SHIPMENT, LOCAL_AUTO_STEP, AUTO_AFTER_ANSWER.
//
// Changing it follows the same rule as caseWorkflow (docs/ARCHITECTURE.md, "Changing workflow code"): any
// change to the commands a running case issues, or their order, goes behind `patched('<id>')`, the paths it
// touches are recorded again and the histories it replaces kept in a sub-folder; the replay gate
// (libs/workflows/src/workflow-replay.spec.ts) holds recorded histories of this workflow too.

// Database writes are idempotent, so activities retry until they succeed.
const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// A clerk's decision is a short, idempotent write while the clerk waits: a local activity in the Update's workflow task.
const localActivities = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// SYSTEM mode: the department's system is called over HTTP with its own timeout (DEPARTMENT_SYSTEM_TIMEOUT_SECONDS,
// at most 50 s) inside this one; a timeout or 5xx is retried with the same backoff as every write.
const systemActivities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// An AUTO step reads the case, decides by rules and writes its task: short and idempotent, so it runs as a local
// activity in the workflow task that opened it (a marker instead of an activity task and the workflow task its
// result wakes). Two quick attempts in the worker; a step still failing then (a department's outage) goes on as the
// regular activity, so the server retries it for as long as it takes, shown as pending, listed as stuck, retried by an admin.
const localAutoActivities = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  scheduleToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumAttempts: 2 },
});

const LOCAL_OUTCOME = 'local-outcome-activity';
const POSTAL_SHIPMENT = 'postal-shipment';
const LOCAL_AUTO_STEP = 'local-auto-step';
const AUTO_AFTER_ANSWER = 'auto-step-after-answer';
const OUTCOME_AFTER_ANSWER = 'outcome-after-answer';

interface Step extends StepState {
  stepId: string;
  plan: PlannedStep;
  /** A decision is being recorded: a second one is refused. */
  deciding: boolean;
  returnItems: ReturnItem[];
}

/** What a query or an Update shows of a step: its state without the workflow's own bookkeeping. */
function stepView(step: Step): StepState {
  const { deciding: _deciding, returnItems: _items, plan: _plan, ...view } = step;
  return view;
}

/** `<caseId>.<stepId>.<round>`: each opening of a step is its own task (the opening's step ids are its departments). */
export function processTaskIdFor(caseId: string, stepId: string, round: number): string {
  return `${caseId}.${stepId}.${round}`;
}

/**
 * One case of any process: opens every step whose dependencies are done (or not needed) and whose `when`
 * holds, collects the returns until nothing is open or ready, sends one notice (一次告知), reopens only the
 * affected steps after the correction, and completes with one outcome built by the definition (一次办好).
 */
export async function processWorkflow(input: ProcessWorkflowInput): Promise<CaseWorkflowResult> {
  const { caseId, policy } = input;
  // Correction items are listed in the order the steps run.
  const order = topologicalOrder(input.steps);
  const steps: Step[] = input.steps.map((plan) => ({
    stepId: plan.id,
    department: plan.department,
    status: input.skipped.includes(plan.id) ? 'SKIPPED' : 'PENDING',
    round: 0,
    mode: plan.mode,
    overdue: false,
    plan,
    deciding: false,
    returnItems: [],
  }));
  const byId = new Map(steps.map((step) => [step.stepId, step]));
  let status: CaseStatus = 'SUBMITTED';
  let correctionRound = 0;
  let correctionInFlight = false;
  let reopenAfterCorrection: string[] | undefined;
  let ending: { status: 'REJECTED' | 'CANCELLED'; reason: string } | undefined;
  let endRecorded = false;
  let firstStep = true;
  /** This run took the LOCAL_AUTO_STEP patch (recorded in its history): its outcome is local too, with no marker of its own. */
  let localAuto = false;
  /**
   * An Update was answered (a clerk's or a system's decision, a correction, a reopening) and the AUTO steps it may
   * unblock have not been handed off yet. Its answer goes out only when its workflow task completes, and a workflow
   * task waits for the local activities it started: those steps start after a short timer, in a task of their own.
   * Plain workflow state, so replay takes the same turns. An answer that unblocked no AUTO step leaves it set until
   * the next one starts (after a notice's ruling, say): that step waits for the timer too, a few events, no harm.
   */
  let answered = false;
  /** The one hand-off timer the AUTO steps unblocked meanwhile wait for together. */
  let handOff: Promise<void> | undefined;
  const stepScopes: CancellationScope[] = [];

  const statuses = (): Record<string, StepStatus> => Object.fromEntries(steps.map((step) => [step.stepId, step.status]));
  const ready = (): string[] => readySteps(input.steps, statuses());
  const busy = (): boolean => steps.some((step) => step.status === 'OPEN' || step.deciding);

  const snapshot = (): CaseState => ({ caseId, status, correctionRound, steps: steps.map(stepView) });

  const publish = (): void => {
    const open = steps.filter((step) => step.status === 'OPEN');
    const departments = (list: Step[]) => [...new Set(list.map((step) => step.department))];
    const dueTimes = open.map((step) => step.dueAt).filter((due): due is string => !!due).sort();
    upsertSearchAttributes([
      { key: CASE_STATUS_KEY, value: status },
      { key: OPEN_DEPARTMENTS_KEY, value: departments(open) },
      { key: OVERDUE_DEPARTMENTS_KEY, value: departments(open.filter((step) => step.overdue)) },
      { key: NEXT_DUE_AT_KEY, value: dueTimes.length ? new Date(dueTimes[0]) : null },
    ]);
  };

  // Notice periods (kind public-notice): their own behaviour, entered only by steps whose plan has `notice`.
  const notices = noticeSteps({ caseId, policy, byId, taskIdFor: (stepId, round) => processTaskIdFor(caseId, stepId, round), publish, ended: () => !!ending || status === 'COMPLETED' });

  /** The worker checks the command's signature before the workflow acts (a regular activity: its result is an event of its own). */
  const verifyCommand = async (command: SignedCaseCommand): Promise<void> => {
    try {
      await activities.verifyCommand(command);
    } catch (error) {
      throw asUpdateFailure(error);
    }
  };

  const applyResult = (step: Step, result: TaskDecisionResult, extra: { items?: ReturnItem[]; reason?: string }): void => {
    step.status = result.status;
    if (result.status === 'RETURNED') step.returnItems = extra.items ?? [];
    if (result.status === 'REJECTED' && !ending) ending = { status: 'REJECTED', reason: `${step.department}: ${extra.reason ?? ''}`.trim() };
  };

  setHandler(
    decideTaskUpdate,
    async (decision: TaskDecision): Promise<TaskDecisionResult> => {
      const step = steps.find((candidate) => candidate.taskId === decision.taskId)!;
      step.deciding = true;
      try {
        const result = await localActivities.recordDecision({ ...decision, caseId, department: step.department, stepId: step.stepId, decidedAt: new Date().toISOString() });
        answered = true;
        applyResult(step, result, decision);
        notices.decided(step, result);
        // A refusal ends the case: answer once the end is recorded, so the clerk sees it.
        if (ending) await condition(() => endRecorded);
        return result;
      } catch (error) {
        // e.g. NAME_TAKEN: the step stays open, the clerk is told why.
        throw asUpdateFailure(error);
      } finally {
        step.deciding = false;
      }
    },
    {
      // Runs before anything is written to history: stale and double decisions are refused at once.
      validator: (decision: TaskDecision): void => {
        if (ending) refuse('CASE_CLOSED', 'The case has ended');
        const step = steps.find((candidate) => candidate.taskId === decision.taskId);
        if (!step || step.status !== 'OPEN' || step.deciding) refuse('TASK_NOT_OPEN', 'The task is not open: already decided, or superseded');
        if (decision.decision === 'RETURN' && !decision.items?.length) refuse('INVALID_DECISION', 'A return needs at least one item');
        if (decision.decision === 'REJECT' && !decision.reason) refuse('INVALID_DECISION', 'A refusal needs a reason');
        refuseUnsigned(policy.signedDecisions, decision);
        notices.checkDecision(step!, decision);
      },
    },
  );

  setHandler(raiseObjectionUpdate, notices.raiseObjection, { validator: notices.checkObjection });

  setHandler(
    submitCorrectionUpdate,
    async (submission): Promise<CorrectionResult> => {
      correctionInFlight = true;
      try {
        const { correctionId, round, actorId, signedAt, signature } = submission;
        await verifyCommand({ command: 'submitCorrection', caseId, correctionId, round, actorId, signedAt, signature, receivedAt: new Date().toISOString() });
        const { changedPaths, skipped = [] } = await activities.applyCorrection({ caseId, correctionId, round, conditions: true });
        // The corrected form decides again which steps are needed: a step no longer needed shows as such,
        // one needed again waits for its dependencies like any pending step.
        for (const step of steps) {
          if (skipped.includes(step.stepId)) step.status = 'SKIPPED';
          else if (step.status === 'SKIPPED') step.status = 'PENDING';
        }
        const { reopen, pending } = stepsToReopen({ steps: input.steps, status: statuses(), changedPaths });
        for (const id of pending) byId.get(id)!.status = 'PENDING';
        reopenAfterCorrection = reopen;
        answered = true;
        // A cancellation that came in meanwhile decides the status.
        if (!ending) status = 'IN_PROGRESS';
        return { changedPaths, reopened: reopen, waiting: pending, skipped };
      } finally {
        correctionInFlight = false;
      }
    },
    {
      validator: (submission): void => {
        if (ending) refuse('CASE_CLOSED', 'The case has ended');
        if (status !== 'AWAITING_CORRECTION' || correctionInFlight || submission.round !== correctionRound) {
          refuse('NOT_AWAITING_CORRECTION', 'The case is not waiting for this correction');
        }
        refuseUnsigned(policy.signedDecisions, submission);
      },
    },
  );

  const checkCancellable = (): void => {
    if (ending || status === 'COMPLETED') refuse('CASE_CLOSED', 'The case has already ended');
  };

  /** The step a reopening names: by step id, or by department for callers that only know caseWorkflow's form. */
  const reopeningStep = (reopening: StepReopening): Step | undefined => byId.get(reopening.stepId ?? reopening.department);

  const checkReopenable = (reopening: StepReopening): void => {
    if (ending || status === 'COMPLETED') refuse('CASE_CLOSED', 'The case has ended');
    if (status !== 'IN_PROGRESS' || reopeningStep(reopening)?.status !== 'DONE') refuse('INVALID_DECISION', 'Only a finished step of a case in progress can be reopened');
  };

  setHandler(
    cancelCaseUpdate,
    async (cancellation) => {
      const { actorId, reason, signedAt, signature } = cancellation;
      await verifyCommand({ command: 'cancelCase', caseId, actorId, reason, signedAt, signature, receivedAt: new Date().toISOString() });
      // The case may have ended while the signature was checked.
      checkCancellable();
      ending = { status: 'CANCELLED', reason: cancellation.reason };
      await condition(() => endRecorded);
      return snapshot();
    },
    {
      validator: (cancellation): void => {
        checkCancellable();
        refuseUnsigned(policy.signedDecisions, cancellation);
      },
    },
  );

  setHandler(
    reopenStepUpdate,
    async (reopening: StepReopening): Promise<StepState> => {
      const { actorId, reason, signedAt, signature } = reopening;
      // The signature covers `department` as the API sent it (a step-id-only reopening is signed with the step id there).
      const department = reopening.department ?? reopening.stepId;
      await verifyCommand({ command: 'reopenStep', caseId, department, actorId, reason, signedAt, signature, receivedAt: new Date().toISOString() });
      // The case or the step may have moved on while the signature was checked (a second reopening).
      checkReopenable(reopening);
      const step = reopeningStep(reopening)!;
      answered = true;
      startStep(step);
      return stepView(step);
    },
    {
      validator: (reopening: StepReopening): void => {
        checkReopenable(reopening);
        refuseUnsigned(policy.signedDecisions, reopening);
      },
    },
  );

  setHandler(caseStateQuery, snapshot);

  /**
   * Opens one step and sees it through: AUTO decides at once; MANUAL waits, reminds, escalates (as caseWorkflow's
   * runStep); SYSTEM calls the department's system, which decides at once or later by callback (then waits as MANUAL).
   */
  async function runStep(step: Step): Promise<void> {
    step.round += 1;
    step.status = 'OPEN';
    step.overdue = false;
    step.returnItems = [];
    const openedAt = new Date();
    const limit = step.plan.timeLimitMinutes;
    const dueAt = addWorkingMinutes(policy.calendar, openedAt, limit);
    const remindAt = addWorkingMinutes(policy.calendar, openedAt, Math.max(0, limit - step.plan.reminderLeadMinutes));
    step.taskId = processTaskIdFor(caseId, step.stepId, step.round);
    step.dueAt = dueAt.toISOString();
    const opening = {
      caseId,
      taskId: step.taskId,
      department: step.department,
      stepId: step.stepId,
      round: step.round,
      mode: step.mode,
      openedAt: openedAt.toISOString(),
      dueAt: step.dueAt,
      firstOfCase: firstStep,
    };
    firstStep = false;

    if (step.mode === 'AUTO') {
      step.deciding = true;
      const result = await runAutomaticStep(opening);
      step.deciding = false;
      applyResult(step, result, result);
      return;
    }

    await activities.openStep(opening);
    publish();
    if (step.mode === 'SYSTEM') {
      // No patch: only SYSTEM steps take this branch, and no case recorded before SYSTEM existed has one.
      // The task is open while the call runs, so a callback that beats the answer is taken (decideTask Update).
      const answer = await systemActivities.callDepartmentSystem(opening);
      // Decided at once (200), unless a callback or a clerk decided first: the first decision stands.
      if (!('accepted' in answer) && step.status === 'OPEN' && !step.deciding) applyResult(step, answer, answer);
      if (step.status !== 'OPEN') return;
      // 202: the callback decides, within the step's limit like a clerk (reminded, then overdue and escalated).
    }
    const settled = (): boolean => step.status !== 'OPEN' || step.deciding;
    const untilReminder = remindAt.getTime() - Date.now();
    if (untilReminder > 0 && (await condition(settled, untilReminder))) return;
    if (!settled()) await activities.remindStep({ taskId: step.taskId });
    const untilDue = dueAt.getTime() - Date.now();
    if (untilDue > 0 && (await condition(settled, untilDue))) return;
    if (settled()) return;
    step.overdue = true;
    await activities.escalateOverdueStep({ taskId: step.taskId });
    publish();
    await condition(settled);
  }

  /**
   * The workflow task a timer wakes: AUTO steps an answered Update unblocked run there, so the Update's own task
   * completes (and its caller hears) at once. One timer for all of them, not cancelled with any one step's scope.
   */
  function afterAnswer(): Promise<void> {
    handOff ??= CancellationScope.nonCancellable(() => sleep(1)).then(() => {
      handOff = undefined;
      answered = false;
    });
    return handOff;
  }

  /**
   * An AUTO step: locally first (the LOCAL_AUTO_STEP patch; recorded cases replay the regular activity), then as a regular
   * activity if that failed. Unblocked by an answered Update, it first waits for the hand-off timer (AUTO_AFTER_ANSWER:
   * recorded local runs without it replay as they ran); an all-AUTO case filed by the applicant answers no Update and
   * still runs in one workflow task.
   */
  async function runAutomaticStep(opening: OpenStepInput): Promise<Awaited<ReturnType<CaseActivities['runAutomaticStep']>>> {
    if (patched(LOCAL_AUTO_STEP)) {
      localAuto = true;
      if (answered && patched(AUTO_AFTER_ANSWER)) await afterAnswer();
      try {
        return await localAutoActivities.runAutomaticStep(opening);
      } catch (error) {
        // A cancelled step stops here; a failure (the activity's own, not wrapped in an ActivityFailure when local) goes
        // on to the server's retries: a permanent one fails there again, as it did before.
        if (isCancellation(error)) throw error;
      }
    }
    return activities.runAutomaticStep(opening);
  }

  function startStep(step: Step): void {
    const scope = new CancellationScope();
    stepScopes.push(scope);
    scope.run(() => (step.plan.notice ? notices.run(step) : runStep(step))).catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
  }

  status = 'IN_PROGRESS';
  let reopen: string[] = [];
  for (;;) {
    // 一次联办: every step whose dependencies are met opens at once, in definition order.
    // Reopened steps first: the steps waiting for them are ready only once they are done again.
    for (const id of reopen) startStep(byId.get(id)!);
    reopen = [];
    for (const id of ready()) startStep(byId.get(id)!);
    await condition(() => !!ending || ready().length > 0 || !busy());
    if (ending) break;
    if (ready().length > 0) continue;

    // Nothing open, deciding or ready: either steps returned the case, or every needed step is done.
    const returned = steps.filter((step) => step.status === 'RETURNED');
    if (returned.length === 0) break;
    // 一次告知: every step that could run has decided; one notice with all their items.
    correctionRound += 1;
    const items = mergeStepCorrectionItems(
      returned.flatMap((step) => step.returnItems.map((item) => ({ stepId: step.stepId, department: step.department, ...item }))),
      order,
    );
    status = 'AWAITING_CORRECTION';
    await activities.requestCorrection({ caseId, round: correctionRound, items });
    publish();
    await condition(() => !!ending || reopenAfterCorrection !== undefined);
    if (ending) break;
    reopen = reopenAfterCorrection ?? [];
    reopenAfterCorrection = undefined;
  }

  if (ending) {
    // A cancellation accepted while a correction is being applied ends the case once the correction is written.
    await condition(() => !correctionInFlight);
    for (const scope of stepScopes) scope.cancel();
    for (const step of steps) if (step.status === 'OPEN') step.status = 'CANCELLED';
    status = ending.status;
    await activities.endCase({ caseId, status: ending.status, reason: ending.reason });
    endRecorded = true;
    publish();
    await condition(allHandlersFinished);
    return ending;
  }

  // 一次办好: one outcome, built by the definition from the needed steps' results. A short idempotent write: a local
  // activity in the workflow task that saw the last result, so the outcome costs no activity task and no workflow
  // task of its own. Cases that recorded the regular activity replay it as one (the LOCAL_OUTCOME patch). A run with
  // the LOCAL_AUTO_STEP marker was recorded by code that has both, so it asks for no second marker: one marker and
  // one TemporalChangeVersion upsert less per case.
  const completeProcess = localAuto || patched(LOCAL_OUTCOME) ? localActivities.completeProcess : activities.completeProcess;
  // The last decision came in an Update: its task completes (and the clerk hears) first, and the outcome and the
  // workflow's close follow in a task of their own. Closing in the Update's own task delayed its answer by the
  // outcome's write, and under load the server sometimes failed that Update's call as the workflow closed (2 of
  // ~1,000 clerk completions in the clerks bench answered 503). Recorded runs without the marker replay as they ran.
  if (answered && patched(OUTCOME_AFTER_ANSWER)) await afterAnswer();
  const completed = await completeProcess({ caseId, skipped: steps.filter((step) => step.status === 'SKIPPED').map((step) => step.stepId) });
  status = 'COMPLETED';
  publish();
  // 政务专递: free mail goes through the postal system, which issues the item number. After the outcome, so the
  // case is complete whatever the post does; a new command, so behind its patch (histories before it replay as they
  // were, and cases completed before it have no `completed.mail`).
  if (completed?.mail && patched(POSTAL_SHIPMENT)) await activities.shipByMail({ caseId });
  await condition(allHandlersFinished);
  return { status: 'COMPLETED' };
}
