import { defineUpdate } from '@temporalio/workflow';
import type { PlannedStep } from '@onetrip/domain/engine/process-definition';
import type { CasePolicy } from './case.contract';

// The engine's one generic workflow: it runs any process definition's steps as a DAG. It answers the
// same Updates and Query as the enterprise opening's caseWorkflow (decideTask, submitCorrection,
// cancelCase, reopenStep, caseState), so the API talks to either the same way; caseWorkflow stays
// registered for the cases that started on it.

export const PROCESS_WORKFLOW = 'processWorkflow';

export interface ProcessWorkflowInput {
  caseId: string;
  /** The version the case pinned at filing; the worker looks the definition up by it (never sent in full). */
  process: { key: string; version: number };
  /** The definition's steps with this case's mode and limits (policy applied), in definition order. */
  steps: PlannedStep[];
  /** Steps whose `when` does not hold for the form as filed: shown as not needed (SKIPPED). */
  skipped: string[];
  /** Calendar, form rules and signing, as for caseWorkflow (modes and limits are in `steps`). */
  policy: CasePolicy;
}

/** Someone objects to a case in its notice period (公示期异议); the objection is stored first, the Update names it by id. */
export interface ObjectionRaising {
  objectionId: string;
}

export interface ObjectionRaised {
  /** The notice step objected to. */
  noticeStepId: string;
  /** The task of the objection step a clerk rules on (objections raised while one is open share it). */
  taskId: string;
}

/** An Update, not a Signal: the objector learns at once whether the notice is still open (NOTICE_NOT_OPEN). */
export const raiseObjectionUpdate = defineUpdate<ObjectionRaised, [ObjectionRaising]>('raiseObjection');
