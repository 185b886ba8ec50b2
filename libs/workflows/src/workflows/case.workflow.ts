import {
  CancellationScope,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  allHandlersFinished,
  upsertSearchAttributes,
} from '@temporalio/workflow';
// The domain's modules by path, not its index: the index also carries the name-folding dictionaries
// (opencc-js), which workflow code never uses and the sandbox would load with every bundle.
import { addWorkingMinutes } from '@onetrip/domain/calendar/working-calendar';
import { DEPARTMENTS, type Department } from '@onetrip/domain/departments/departments';
import { mergeCorrectionItems, stepsToReopen, toCorrectionItems } from '@onetrip/domain/case/correction-notice';
import type { CaseActivities } from '../activities/case.activities';
import { asUpdateFailure, refuse, refuseUnsigned } from './update-refusals';
import type { SignedCaseCommand } from '../activities/case.ports';
import {
  cancelCaseUpdate,
  caseStateQuery,
  CASE_STATUS_KEY,
  decideTaskUpdate,
  reopenStepUpdate,
  NEXT_DUE_AT_KEY,
  OPEN_DEPARTMENTS_KEY,
  OVERDUE_DEPARTMENTS_KEY,
  submitCorrectionUpdate,
  type CaseState,
  type CaseStatus,
  type CaseWorkflowInput,
  type CaseWorkflowResult,
  type ReturnItem,
  type StepReopening,
  type StepState,
  type TaskDecision,
  type TaskDecisionResult,
} from '../contracts';

// Database writes are idempotent, so activities retry until they succeed; a failing one shows up
// for admins as a pending activity with its attempts and last error.
const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// A clerk's decision is a short, idempotent write to our own database while the clerk waits for the
// answer: a local activity, run by the worker inside the Update's workflow task, saves the activity
// task's round trip through the server and a second workflow task. Cases that recorded it as a
// regular activity replay it as one (the LOCAL_DECISION patch).
const localActivities = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const LOCAL_DECISION = 'local-decision-activity';
// A cancellation accepted while a correction is being applied ends the case only once the correction
// is written, so the two writes to the case row never race (cases already past this point replay without it).
const END_AFTER_CORRECTION = 'end-after-correction';
// Cancellations, reopenings and corrections prove they came through the API: the worker checks the API's
// signature (a local activity) before the workflow acts. Cases that took them unchecked replay without it.
const SIGNED_COMMANDS = 'signed-commands';

const LICENCE: Department[] = ['SAMR'];
const AFTER_LICENCE: Department[] = DEPARTMENTS.filter((department) => department !== 'SAMR');

interface Step extends StepState {
  department: Department;
  /** A decision is being recorded: a second one is refused. */
  deciding: boolean;
  returnItems: ReturnItem[];
}

/** What a query or an Update shows of a step: its state without the workflow's own bookkeeping. */
function stepView(step: Step): StepState {
  const { deciding: _deciding, returnItems: _items, ...view } = step;
  return view;
}

/** `<caseId>.<department>.<round>`: each opening of a step is its own task. */
export function taskIdFor(caseId: string, department: Department, round: number): string {
  return `${caseId}.${department}.${round}`;
}

const isDecided = (step: Step): boolean => !step.deciding && ['DONE', 'RETURNED', 'REJECTED'].includes(step.status);

/**
 * One case of the joint window (一件事一次办): SAMR's licence first, then PSB, TAX, HRSS and BANK in
 * parallel, every return merged into one correction notice, one combined outcome at the end.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowResult> {
  const { caseId, policy } = input;
  const steps = Object.fromEntries(
    DEPARTMENTS.map((department): [Department, Step] => [
      department,
      { department, status: 'PENDING', round: 0, mode: policy.modes[department], overdue: false, deciding: false, returnItems: [] },
    ]),
  ) as Record<Department, Step>;
  let status: CaseStatus = 'SUBMITTED';
  let correctionRound = 0;
  let correctionInFlight = false;
  let reopenAfterCorrection: Department[] | undefined;
  let ending: { status: 'REJECTED' | 'CANCELLED'; reason: string } | undefined;
  let endRecorded = false;
  let firstStep = true;
  const stepScopes: CancellationScope[] = [];

  const snapshot = (): CaseState => ({
    caseId,
    status,
    correctionRound,
    steps: DEPARTMENTS.map((department) => stepView(steps[department])),
  });

  const publish = (): void => {
    const open = DEPARTMENTS.filter((department) => steps[department].status === 'OPEN');
    const dueTimes = open.map((department) => steps[department].dueAt).filter((due): due is string => !!due).sort();
    upsertSearchAttributes([
      { key: CASE_STATUS_KEY, value: status },
      { key: OPEN_DEPARTMENTS_KEY, value: open },
      { key: OVERDUE_DEPARTMENTS_KEY, value: open.filter((department) => steps[department].overdue) },
      { key: NEXT_DUE_AT_KEY, value: dueTimes.length ? new Date(dueTimes[0]) : null },
    ]);
  };




  /**
   * The worker checks the command's signature before the workflow acts on it: a forged one changes nothing.
   * A regular activity, not a local one: its result is an event of its own, so on replay a cancellation sets
   * `ending` in the same workflow task as it did live (with a local activity's marker it did not, and a
   * correction racing a cancellation failed replay on the end-after-correction patch).
   */
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
      const step = DEPARTMENTS.map((department) => steps[department]).find((candidate) => candidate.taskId === decision.taskId)!;
      step.deciding = true;
      try {
        const recordDecision = patched(LOCAL_DECISION) ? localActivities.recordDecision : activities.recordDecision;
        const result = await recordDecision({ ...decision, caseId, department: step.department, decidedAt: new Date().toISOString() });
        applyResult(step, result, decision);
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
        const step = DEPARTMENTS.map((department) => steps[department]).find((candidate) => candidate.taskId === decision.taskId);
        if (!step || step.status !== 'OPEN' || step.deciding) refuse('TASK_NOT_OPEN', 'The task is not open: already decided, or superseded');
        if (decision.decision === 'RETURN' && !decision.items?.length) refuse('INVALID_DECISION', 'A return needs at least one item');
        if (decision.decision === 'REJECT' && !decision.reason) refuse('INVALID_DECISION', 'A refusal needs a reason');
        // What did not come through the API is refused early; the activity checks the signature before writing anything.
        refuseUnsigned(policy.signedDecisions, decision);
      },
    },
  );

  setHandler(
    submitCorrectionUpdate,
    async (submission) => {
      correctionInFlight = true;
      try {
        if (patched(SIGNED_COMMANDS)) {
          const { correctionId, round, actorId, signedAt, signature } = submission;
          await verifyCommand({ command: 'submitCorrection', caseId, correctionId, round, actorId, signedAt, signature, receivedAt: new Date().toISOString() });
        }
        const { changedPaths } = await activities.applyCorrection({ caseId, correctionId: submission.correctionId, round: submission.round });
        const reopened = stepsToReopen({
          returnedBy: DEPARTMENTS.filter((department) => steps[department].status === 'RETURNED'),
          doneSteps: DEPARTMENTS.filter((department) => steps[department].status === 'DONE'),
          changedPaths,
        });
        reopenAfterCorrection = reopened;
        // A cancellation that came in meanwhile decides the status.
        if (!ending) status = 'IN_PROGRESS';
        return { changedPaths, reopened };
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

  const checkReopenable = (reopening: StepReopening): void => {
    if (ending || status === 'COMPLETED') refuse('CASE_CLOSED', 'The case has ended');
    if (status !== 'IN_PROGRESS' || steps[reopening.department]?.status !== 'DONE') refuse('INVALID_DECISION', 'Only a finished step of a case in progress can be reopened');
  };

  setHandler(
    cancelCaseUpdate,
    async (cancellation) => {
      if (patched(SIGNED_COMMANDS)) {
        const { actorId, reason, signedAt, signature } = cancellation;
        await verifyCommand({ command: 'cancelCase', caseId, actorId, reason, signedAt, signature, receivedAt: new Date().toISOString() });
        // The case may have ended while the signature was checked.
        checkCancellable();
      }
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
      const step = steps[reopening.department];
      if (patched(SIGNED_COMMANDS)) {
        const { department, actorId, reason, signedAt, signature } = reopening;
        await verifyCommand({ command: 'reopenStep', caseId, department, actorId, reason, signedAt, signature, receivedAt: new Date().toISOString() });
        // The case or the step may have moved on while the signature was checked (a second reopening).
        checkReopenable(reopening);
      }
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

  /** Opens one department's step and sees it through: AUTO decides at once; MANUAL waits, reminds, escalates. */
  async function runStep(step: Step): Promise<void> {
    step.round += 1;
    step.status = 'OPEN';
    step.overdue = false;
    step.returnItems = [];
    const openedAt = new Date();
    const limit = policy.timeLimitMinutes[step.department];
    const dueAt = addWorkingMinutes(policy.calendar, openedAt, limit);
    const remindAt = addWorkingMinutes(policy.calendar, openedAt, Math.max(0, limit - policy.reminderLeadMinutes));
    step.taskId = taskIdFor(caseId, step.department, step.round);
    step.dueAt = dueAt.toISOString();
    const opening = {
      caseId,
      taskId: step.taskId,
      department: step.department,
      round: step.round,
      mode: step.mode,
      openedAt: openedAt.toISOString(),
      dueAt: step.dueAt,
      firstOfCase: firstStep,
    };
    firstStep = false;

    if (step.mode === 'AUTO') {
      step.deciding = true;
      const result = await activities.runAutomaticStep(opening);
      step.deciding = false;
      applyResult(step, result, result);
      return;
    }

    await activities.openStep(opening);
    publish();
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

  const startStep = (step: Step): void => {
    const scope = new CancellationScope();
    stepScopes.push(scope);
    scope.run(() => runStep(step)).catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
  };

  status = 'IN_PROGRESS';
  let required: Department[] = LICENCE;
  let reopen: Department[] = LICENCE;
  for (;;) {
    for (const department of reopen) startStep(steps[department]);
    await condition(() => !!ending || required.every((department) => isDecided(steps[department])));
    if (ending) break;

    const returned = required.filter((department) => steps[department].status === 'RETURNED');
    if (returned.length > 0) {
      // 一次告知: every step under review has decided; one notice with all their items.
      correctionRound += 1;
      const items = mergeCorrectionItems(returned.flatMap((department) => toCorrectionItems(department, steps[department].returnItems)));
      status = 'AWAITING_CORRECTION';
      await activities.requestCorrection({ caseId, round: correctionRound, items });
      publish();
      await condition(() => !!ending || reopenAfterCorrection !== undefined);
      if (ending) break;
      reopen = reopenAfterCorrection ?? [];
      reopenAfterCorrection = undefined;
      continue;
    }
    if (required === LICENCE) {
      // 一次联办: the licence exists; the other four departments work at the same time.
      required = [...DEPARTMENTS];
      reopen = AFTER_LICENCE;
      continue;
    }
    break;
  }

  if (ending) {
    if (patched(END_AFTER_CORRECTION)) await condition(() => !correctionInFlight);
    for (const scope of stepScopes) scope.cancel();
    for (const department of DEPARTMENTS) {
      if (steps[department].status === 'OPEN') steps[department].status = 'CANCELLED';
    }
    status = ending.status;
    await activities.endCase({ caseId, status: ending.status, reason: ending.reason });
    endRecorded = true;
    publish();
    await condition(allHandlersFinished);
    return ending;
  }

  await activities.completeCase({ caseId });
  status = 'COMPLETED';
  publish();
  await condition(allHandlersFinished);
  return { status: 'COMPLETED' };
}
