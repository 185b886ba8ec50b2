// Which supervisor actions fit a case now (issue 17 §11): the page offers only these, so an admin is never
// led to ESCALATE a case with no open step or RETRY one with nothing failing.

export const ADMIN_ACTIONS = ['REASSIGN', 'ESCALATE', 'RETRY', 'REOPEN', 'CANCEL', 'REMIND_APPLICANT'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export interface AvailableAction {
  action: AdminAction;
  /** The steps it may name (ids of the case's definition); empty for an action on the whole case. */
  stepIds: string[];
}

const LIVE = new Set(['SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION']);

export function availableActions(
  caseStatus: string,
  tasks: readonly { stepId: string; round: number; status: string; mode: string; escalatedAt?: string }[],
  pending: readonly { department?: string; attempt: number; lastFailure?: string }[],
): AvailableAction[] {
  if (!LIVE.has(caseStatus)) return [];
  // Each step's latest round decides what can be done with it.
  const latest = new Map<string, (typeof tasks)[number]>();
  for (const task of tasks) if ((latest.get(task.stepId)?.round ?? 0) <= task.round) latest.set(task.stepId, task);
  const steps = [...latest.values()];
  const open = steps.filter((task) => (task.status === 'OPEN' || task.status === 'CLAIMED') && task.mode !== 'AUTO');
  const failing = [...new Set(pending.filter((activity) => activity.department && (activity.attempt > 1 || activity.lastFailure)).map((activity) => activity.department as string))];
  const done = steps.filter((task) => task.status === 'DONE').map((task) => task.stepId);
  const actions: AvailableAction[] = [];
  if (caseStatus === 'AWAITING_CORRECTION') actions.push({ action: 'REMIND_APPLICANT', stepIds: [] });
  if (open.length > 0) actions.push({ action: 'REASSIGN', stepIds: open.map((task) => task.stepId) });
  const notEscalated = open.filter((task) => !task.escalatedAt).map((task) => task.stepId);
  if (notEscalated.length > 0) actions.push({ action: 'ESCALATE', stepIds: notEscalated });
  if (failing.length > 0) actions.push({ action: 'RETRY', stepIds: failing });
  if (done.length > 0) actions.push({ action: 'REOPEN', stepIds: done });
  actions.push({ action: 'CANCEL', stepIds: [] });
  return actions;
}
