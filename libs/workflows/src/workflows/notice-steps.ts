import { condition, proxyActivities } from '@temporalio/workflow';
import { addWorkingMinutes } from '@onetrip/domain/calendar/working-calendar';
import type { PlannedStep } from '@onetrip/domain/engine/process-definition';
import { OBJECTION_RULINGS } from '@onetrip/domain/step-kinds/public-notice.kind';
import type { CaseActivities } from '../activities/case.activities';
import type { CasePolicy, ObjectionRaised, ObjectionRaising, StepState, TaskDecision, TaskDecisionResult } from '../contracts';
import { refuse } from './update-refusals';

// The notice period (公示期) of processWorkflow, kept apart from the other step behaviours: a step whose plan
// has `notice` runs here instead of as a task. Nothing here runs for a definition without notice steps, so
// the commands of every existing path (and their recorded histories) are unchanged.

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** What the notice code reads and writes of processWorkflow's steps. */
export interface NoticeStepState extends StepState {
  stepId: string;
  plan: PlannedStep;
  deciding: boolean;
}

interface RunningNotice {
  step: NoticeStepState;
  /** The timer fired: no new objection; the notice ends once no objection is open. */
  expired: boolean;
  /** An objection was upheld: the notice ends now and hands the case on. */
  upheld: boolean;
  closed: boolean;
}

export function noticeSteps(deps: {
  caseId: string;
  policy: CasePolicy;
  byId: ReadonlyMap<string, NoticeStepState>;
  taskIdFor: (stepId: string, round: number) => string;
  publish: () => void;
  ended: () => boolean;
}) {
  const { caseId, policy, byId } = deps;
  const running: RunningNotice[] = [];
  /** Each objection once (by its id): a retried raising answers the same task. */
  const raised = new Map<string, ObjectionRaised>();
  const openedTasks = new Set<string>();

  const objectionStepOf = (notice: RunningNotice): NoticeStepState => byId.get(notice.step.plan.notice!.objectionStep)!;
  const objectionOpen = (notice: RunningNotice): boolean => {
    const objection = objectionStepOf(notice);
    return objection.status === 'OPEN' || objection.deciding;
  };
  /** The notice open for objections now: started, timer not fired, not handed on. */
  const openForObjections = (): RunningNotice | undefined => running.find((notice) => !notice.closed && !notice.expired && !notice.upheld);
  /** The running notice whose objections this step rules on. */
  const noticeRuledBy = (step: NoticeStepState): RunningNotice | undefined =>
    running.find((notice) => !notice.closed && notice.step.plan.notice!.objectionStep === step.stepId);

  /** The notice period: published, a durable timer of its length, objections ruled on meanwhile. */
  async function run(step: NoticeStepState): Promise<void> {
    const plan = step.plan.notice!;
    step.round += 1;
    step.status = 'OPEN';
    step.overdue = false;
    const openedAt = new Date();
    const endsAt = new Date(openedAt.getTime() + plan.seconds * 1000);
    const taskId = deps.taskIdFor(step.stepId, step.round);
    step.taskId = taskId;
    step.dueAt = endsAt.toISOString();
    const notice: RunningNotice = { step, expired: false, upheld: false, closed: false };
    running.push(notice);
    const { department, stepId, round } = step;
    await activities.openNotice({ caseId, taskId, stepId, department, round, openedAt: openedAt.toISOString(), endsAt: step.dueAt });
    deps.publish();
    // The timer: condition's timeout is a durable Temporal timer; an upheld objection ends the notice early.
    if (!(await condition(() => notice.upheld, plan.seconds * 1000))) notice.expired = true;
    // An objection raised in time is ruled on before the notice ends.
    await condition(() => notice.upheld || !objectionOpen(notice));
    const result = notice.upheld ? 'OBJECTION_UPHELD' : 'ENDED';
    await activities.closeNotice({ caseId, taskId, stepId, department, result, closedAt: new Date().toISOString() });
    notice.closed = true;
    step.status = 'DONE';
    if (notice.upheld && plan.onUpheld) {
      // The case goes on as the next notice says (e.g. simplified → ordinary): that step, not needed so far, waits its turn.
      const next = byId.get(plan.onUpheld)!;
      if (next.status === 'SKIPPED') next.status = 'PENDING';
    }
  }

  function checkObjection(raising: ObjectionRaising): void {
    if (deps.ended()) refuse('CASE_CLOSED', 'The case has ended');
    if (raised.has(raising.objectionId)) return;
    if (!openForObjections()) refuse('NOTICE_NOT_OPEN', 'The case is not in a notice period open for objections');
  }

  /** An objection opens a task of the notice's objection step, or joins the one open: a clerk rules on them together. */
  async function raiseObjection(raising: ObjectionRaising): Promise<ObjectionRaised> {
    const seen = raised.get(raising.objectionId);
    if (seen) {
      await condition(() => openedTasks.has(seen.taskId));
      return seen;
    }
    let notice = openForObjections()!;
    // A ruling being recorded covers the objections the clerk saw; a new one waits for the next task.
    if (objectionStepOf(notice).deciding) {
      await condition(() => !objectionStepOf(notice).deciding);
      const still = openForObjections();
      if (!still) refuse('NOTICE_NOT_OPEN', 'The notice period ended meanwhile');
      notice = still;
    }
    const objection = objectionStepOf(notice);
    if (objection.status === 'OPEN') {
      const answer = { noticeStepId: notice.step.stepId, taskId: objection.taskId! };
      raised.set(raising.objectionId, answer);
      await condition(() => openedTasks.has(answer.taskId));
      return answer;
    }
    objection.round += 1;
    objection.status = 'OPEN';
    objection.overdue = false;
    const taskId = deps.taskIdFor(objection.stepId, objection.round);
    objection.taskId = taskId;
    const openedAt = new Date();
    objection.dueAt = addWorkingMinutes(policy.calendar, openedAt, objection.plan.timeLimitMinutes).toISOString();
    const answer = { noticeStepId: notice.step.stepId, taskId };
    raised.set(raising.objectionId, answer);
    // Always a clerk's: an objection is never decided by rules, whatever mode the deployment gives the step.
    await activities.openStep({
      caseId,
      taskId,
      department: objection.department,
      stepId: objection.stepId,
      round: objection.round,
      mode: 'MANUAL',
      openedAt: openedAt.toISOString(),
      dueAt: objection.dueAt,
      firstOfCase: false,
    });
    openedTasks.add(taskId);
    deps.publish();
    return answer;
  }

  /** A clerk's decision on an objection task: dismissed or upheld (COMPLETE with a ruling), or the case refused (REJECT). */
  function checkDecision(step: NoticeStepState, decision: TaskDecision): void {
    const notice = noticeRuledBy(step);
    if (!notice) return;
    if (decision.decision === 'RETURN') refuse('INVALID_DECISION', 'An objection is dismissed, upheld or the case refused; it is not returned for correction');
    if (decision.decision !== 'COMPLETE') return;
    const ruling = decision.outputs?.ruling;
    if (!(OBJECTION_RULINGS as readonly (string | undefined)[]).includes(ruling)) refuse('INVALID_DECISION', 'A ruling on an objection is DISMISSED or UPHELD');
    if (ruling === 'UPHELD' && !notice.step.plan.notice!.onUpheld) refuse('INVALID_DECISION', 'This notice hands the case on to no other: uphold the objection by refusing the case');
  }

  /** After an objection task's decision: an upheld one ends the notice. */
  function decided(step: NoticeStepState, result: TaskDecisionResult): void {
    const notice = noticeRuledBy(step);
    if (notice && result.status === 'DONE' && result.outputs?.ruling === 'UPHELD') notice.upheld = true;
  }

  return { run, checkObjection, raiseObjection, checkDecision, decided };
}
