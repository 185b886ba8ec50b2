import type { ReturnItem, TaskDecisionKind } from './case.contract';

// A department's own system (SYSTEM mode): what the worker sends it and what it may answer, the wire
// format of docs/connectors.md. Shared by the worker's client, the API's callback route and the simulator.

/** The task as the department's system receives it: ids, and only the part of the form the step reads. */
export interface DepartmentSystemRequest {
  /** Also the request's Idempotency-Key: the same task sent twice is one task to the department. */
  taskId: string;
  caseId: string;
  department: string;
  stepId: string;
  round: number;
  process: { key: string; version: number };
  /** The step's kind: the shape of the outputs a COMPLETE carries (docs/connectors.md). */
  kind: string;
  dueAt: string;
  /** The step's `reads` of the form, personal data masked where the step may not see it unmasked. */
  form: Record<string, unknown>;
}

/** A department's decision on a task: in its immediate answer (200) or in its callback. */
export interface DepartmentSystemDecision {
  decision: TaskDecisionKind;
  /** COMPLETE: what the department issued, as a clerk would type it (strings by key). */
  outputs?: Record<string, string>;
  /** RETURN: the form fields to correct (paths the step reads) and why. */
  items?: ReturnItem[];
  /** REJECT: why. */
  reason?: string;
}

/** The body of `POST /api/connectors/{department}/callbacks`. */
export interface DepartmentSystemCallback extends DepartmentSystemDecision {
  taskId: string;
}

/** How the worker read the department's answer: decided now (200), or accepted to decide by callback (202). */
export type DepartmentSystemAnswer = ({ status: 'DECIDED' } & DepartmentSystemDecision) | { status: 'ACCEPTED' };

/** The actor a department system's callback decides as (no user row: the task's decided_by stays empty, as for AUTO). */
export function systemActorId(department: string): string {
  return `system:${department}`;
}

export function isSystemActor(actorId: string): boolean {
  return actorId.startsWith('system:');
}

/**
 * The postal service's system (政务专递, docs/connectors.md "The postal connector"): configured like a department's,
 * under this code in DEPARTMENT_SYSTEMS and DEPARTMENT_SYSTEM_SECRETS, signed the same way.
 */
export const POSTAL_SYSTEM = 'POSTAL';

/** `POST <postal base>/shipments`: the results of a case mailed free to the applicant; one shipment per case. */
export interface PostalShipmentRequest {
  /** Also the request's Idempotency-Key: the same case again is the same shipment (and the same item number). */
  shipmentId: string;
  caseId: string;
  /** What is inside: the business licence by its number (and the seals, UKey and bank papers with it). */
  licenseNumber: string;
  /** Who receives it: the courier needs the whole mobile to call at the door. */
  recipient: { name: string; mobile: string; address: string };
}

/** The postal system's answer (200): the item number it issued, S10 with its check digit (EA123456785CN). */
export interface PostalShipmentAnswer {
  trackingNumber: string;
}
