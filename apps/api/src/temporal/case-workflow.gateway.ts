import { Injectable, Logger } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { DecisionSigner } from '@onetrip/infrastructure';
import {
  cancelCaseUpdate,
  caseStateQuery,
  caseWorkflowId,
  decideTaskUpdate,
  raiseObjectionUpdate,
  reopenStepUpdate,
  submitCorrectionUpdate,
  type CaseState,
  type CorrectionResult,
  type ObjectionRaised,
  type ObjectionRaising,
  type StepReopening,
  type StepState,
  type TaskDecision,
  type TaskDecisionResult,
} from '@onetrip/workflows/contracts';
import { AppError } from '../common/app-error';
import { toUpdateError } from '../common/workflow-errors';
import { ApiConfig } from '../config/api.config';

/** A correction as the API sends it: the values stay in PostgreSQL, the workflow gets the id. */
export interface CorrectionCommand {
  correctionId: string;
  round: number;
  actorId: string;
}

export interface CancellationCommand {
  actorId: string;
  reason: string;
}

/** An admin's reopening: `department` is what caseWorkflow reads (and the signature covers); `stepId` is processWorkflow's. */
export interface ReopeningCommand {
  department: string;
  stepId?: string;
  actorId: string;
  reason: string;
}

/**
 * The API's one way to a case's workflow: starting it, its Updates (signed here, so no caller can forget)
 * and its Query, each failure turned into our coded errors in one place (see toUpdateError).
 */
@Injectable()
export class CaseWorkflowGateway {
  private readonly logger = new Logger('CaseWorkflows');

  constructor(
    private readonly client: Client,
    private readonly config: ApiConfig,
    private readonly signer: DecisionSigner,
  ) {}

  /**
   * Starts the case's workflow; one already started (a retried filing) is fine. A finished case is never
   * started again by a late retry (REJECT_DUPLICATE).
   */
  async start<I>(caseId: string, workflowType: string, input: I): Promise<void> {
    try {
      await this.client.workflow.start<(input: I) => Promise<unknown>>(workflowType, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: caseWorkflowId(caseId),
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.error(`case ${caseId} saved but its workflow did not start: ${error instanceof Error ? error.message : String(error)}`);
      throw new AppError('WORKFLOW_UNAVAILABLE', 'The case was saved but could not be started; send the same request again with the same Idempotency-Key');
    }
  }

  /** A clerk's decision, with the API's signature: the worker writes nothing for one without it. */
  decideTask(caseId: string, decision: Omit<TaskDecision, 'signedAt' | 'signature'>): Promise<TaskDecisionResult> {
    let signed: TaskDecision = decision;
    if (this.signer.enabled) {
      const signedAt = new Date().toISOString();
      signed = { ...decision, signedAt, signature: this.signer.sign({ ...decision, caseId, signedAt }) };
    }
    return this.update(caseId, (handle) => handle.executeUpdate(decideTaskUpdate, { args: [signed] }));
  }

  submitCorrection(caseId: string, correction: CorrectionCommand): Promise<CorrectionResult> {
    const signature = this.signer.commandSignature({ command: 'submitCorrection', caseId, ...correction });
    return this.update(caseId, (handle) => handle.executeUpdate(submitCorrectionUpdate, { args: [{ ...correction, ...signature }] }));
  }

  cancelCase(caseId: string, cancellation: CancellationCommand): Promise<CaseState> {
    const signature = this.signer.commandSignature({ command: 'cancelCase', caseId, ...cancellation });
    return this.update(caseId, (handle) => handle.executeUpdate(cancelCaseUpdate, { args: [{ ...cancellation, ...signature }] }));
  }

  reopenStep(caseId: string, reopening: ReopeningCommand): Promise<StepState> {
    const { stepId, ...signed } = reopening;
    const signature = this.signer.commandSignature({ command: 'reopenStep', caseId, ...signed });
    // caseWorkflow's contract types department as a code of the opening; processWorkflow reads stepId.
    const args = { ...signed, department: signed.department as StepReopening['department'], ...(stepId === undefined ? {} : { stepId }), ...signature };
    return this.update(caseId, (handle) => handle.executeUpdate(reopenStepUpdate, { args: [args] }));
  }

  /** An objection in a notice period (stored first, named by id); the id is the Update's id too, so a retry is one Update. */
  raiseObjection(caseId: string, raising: ObjectionRaising): Promise<ObjectionRaised> {
    return this.update(caseId, (handle) => handle.executeUpdate(raiseObjectionUpdate, { args: [raising], updateId: `objection-${raising.objectionId}` }));
  }

  /** The workflow's own view of the case (the read model is usually enough). */
  state(caseId: string): Promise<CaseState> {
    return this.update(caseId, (handle) => handle.query(caseStateQuery));
  }

  /** The handle, for what is not a command: history, description (the admin's supervision view). */
  handle(caseId: string): WorkflowHandle {
    return this.client.workflow.getHandle(caseWorkflowId(caseId));
  }

  private async update<T>(caseId: string, call: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
    try {
      return await call(this.handle(caseId));
    } catch (error) {
      throw toUpdateError(error);
    }
  }
}
