import { workingMinutesBetween, type LocalizedName, type WorkingCalendar } from '@onetrip/domain';

// Why a case is stuck, in the case's own words ("TAX: UKey issuing failing since 10:02 (connection
// refused), 1 h 20 min past its limit"), built from the read model's facts about one case.

export const STUCK_REASONS = ['OVERDUE', 'AWAITING_APPLICANT', 'STEP_FAILING', 'NO_PROGRESS', 'COMPLAINT'] as const;
export type StuckReasonCode = (typeof STUCK_REASONS)[number];

export interface StuckFacts {
  now: Date;
  calendar: WorkingCalendar;
  status: string;
  lastProgressAt: Date;
  awaitingApplicantSince: Date | null;
  overdueTasks: { department: string; dueAt: Date; escalatedAt: Date | null; claimedBy: string | null }[];
  failures: { department: string; activity: string; attempts: number; lastError: string; firstFailedAt: Date; dueAt: Date | null }[];
  /** The case's open complaints, counted (a flood of them is one reason, not a hundred): the oldest's time, the latest's id. */
  openComplaints: { count: number; oldestAt: Date; latestId: string } | null;
  thresholds: { noProgressMinutes: number; awaitingApplicantMinutes: number };
}

export interface StuckReason {
  reason: StuckReasonCode;
  /** The department's code (any the case's definition declares; a failing step may name its step id). */
  department?: string;
  /** Its names from the case's definition. */
  departmentName?: LocalizedName;
  /** When this reason began (the limit passed, the wait began, the first failure, …). */
  since: string;
  /** Minutes since then, by the clock. */
  minutes: number;
  /** Past a time limit: minutes past it in working time. */
  workingMinutesLate?: number;
  attempts?: number;
  lastError?: string;
  escalated?: boolean;
  claimedBy?: string;
  /** COMPLAINT: the latest open complaint, and how many are open. */
  complaintId?: string;
  openComplaints?: number;
  /** One line an admin can read. */
  summary: string;
}

const LIVE = new Set(['SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION']);

/** "1 h 20 min", "3 d 2 h", "45 min". */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** 'HH:MM' in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiClock(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

const minutesBetween = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));

/** Every reason the case is stuck now; none for a finished case. */
export function stuckReasons(facts: StuckFacts): StuckReason[] {
  if (!LIVE.has(facts.status)) return [];
  const { now, calendar } = facts;
  const reasons: StuckReason[] = [];
  const late = (dueAt: Date) => Math.max(0, Math.round(workingMinutesBetween(calendar, dueAt, now)));

  for (const task of facts.overdueTasks) {
    if (task.dueAt.getTime() > now.getTime()) continue;
    const workingMinutesLate = late(task.dueAt);
    reasons.push({
      reason: 'OVERDUE',
      department: task.department,
      since: task.dueAt.toISOString(),
      minutes: minutesBetween(task.dueAt, now),
      workingMinutesLate,
      escalated: task.escalatedAt !== null,
      ...(task.claimedBy ? { claimedBy: task.claimedBy } : {}),
      summary: `${task.department}: ${formatDuration(workingMinutesLate)} past its limit${task.claimedBy ? `, held by ${task.claimedBy}` : ', unclaimed'}${task.escalatedAt ? ', escalated' : ''}`,
    });
  }
  for (const failure of facts.failures) {
    const pastLimit = failure.dueAt && failure.dueAt.getTime() <= now.getTime() ? `, ${formatDuration(late(failure.dueAt))} past its limit` : '';
    reasons.push({
      reason: 'STEP_FAILING',
      department: failure.department,
      since: failure.firstFailedAt.toISOString(),
      minutes: minutesBetween(failure.firstFailedAt, now),
      attempts: failure.attempts,
      lastError: failure.lastError,
      summary: `${failure.department}: ${failure.activity} failing since ${shanghaiClock(failure.firstFailedAt)} (${failure.lastError}), ${failure.attempts} attempts${pastLimit}`,
    });
  }
  if (facts.status === 'AWAITING_CORRECTION' && facts.awaitingApplicantSince) {
    const waited = minutesBetween(facts.awaitingApplicantSince, now);
    if (waited >= facts.thresholds.awaitingApplicantMinutes) {
      reasons.push({
        reason: 'AWAITING_APPLICANT',
        since: facts.awaitingApplicantSince.toISOString(),
        minutes: waited,
        summary: `Waiting for the applicant's correction since ${shanghaiClock(facts.awaitingApplicantSince)} (${formatDuration(waited)})`,
      });
    }
  }
  const idle = minutesBetween(facts.lastProgressAt, now);
  if (idle >= facts.thresholds.noProgressMinutes) {
    reasons.push({
      reason: 'NO_PROGRESS',
      since: new Date(facts.lastProgressAt.getTime() + facts.thresholds.noProgressMinutes * 60_000).toISOString(),
      minutes: idle,
      summary: `Nothing has happened for ${formatDuration(idle)}`,
    });
  }
  const complaints = facts.openComplaints;
  if (complaints && complaints.count > 0) {
    const open = minutesBetween(complaints.oldestAt, now);
    reasons.push({
      reason: 'COMPLAINT',
      since: complaints.oldestAt.toISOString(),
      minutes: open,
      complaintId: complaints.latestId,
      openComplaints: complaints.count,
      summary:
        complaints.count === 1
          ? `"Can't get it done" complaint open for ${formatDuration(open)}`
          : `${complaints.count} "can't get it done" complaints open, the oldest for ${formatDuration(open)}`,
    });
  }
  return reasons.sort((a, b) => a.since.localeCompare(b.since));
}
