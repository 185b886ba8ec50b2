import type { RuleContext, RuleFlag } from '../application/application-rules';
import type { BankInfo } from '../departments/banks';

// A step kind is the code behind a step of a process definition: how it decides automatically (即来即办)
// and what it issues when a clerk completes it. Definitions name kinds by key; the worker, the API and the
// web look them up in one registry (step-kind-registry.ts), so no department `switch` is needed anywhere.

/** What a clerk may type into a completion: only the values the step issues, each in its format. */
export interface OutputFormat {
  pattern: RegExp;
  /** Says what is expected, to follow the field's path in an error. */
  description: string;
  /** The clerk must give it on completion (the department's own system issues it, e.g. a bank account number). */
  required?: boolean;
}

/** One thing the applicant must correct. */
export interface ReturnItem {
  field: string;
  code: string;
  reason: string;
}

export type AutoDecision<O> =
  | { decision: 'COMPLETE'; outputs: O; flags: RuleFlag[] }
  | { decision: 'RETURN'; items: ReturnItem[] }
  | { decision: 'REJECT'; code: string; reason: string };

export interface StepKindContext {
  rules: RuleContext;
  /** A number unique per enterprise in the jurisdiction (database sequence), for a kind that issues a new USCC. */
  enterpriseSequence?: number;
  /** The USCC already issued: required by kinds that need the licence; reused by the licence itself when a step reopens. */
  uscc?: string;
  banks?: readonly BankInfo[];
  /** The form paths the step reads (the definition's): a kind checks only its share of the rules. Absent: the kind's default. */
  reads?: readonly string[];
  /** The case: a kind that issues something new per case (a re-carved seal's filing code) seeds it with this. */
  caseId?: string;
}

/** What a clerk may decide on a task: complete, return for correction (一次告知), refuse the case. */
export const TASK_DECISIONS = ['COMPLETE', 'RETURN', 'REJECT'] as const;
export type TaskDecisionKind = (typeof TASK_DECISIONS)[number];

export interface StepKind {
  /** The key definitions use, e.g. 'enterprise.licence' or 'review'. */
  readonly key: string;
  /** Needs the USCC the licence issued: it cannot decide before the licence step is done. */
  readonly needsLicence: boolean;
  /**
   * Issues the licence: a new USCC from an enterprise sequence when the case has none, and the enterprise's
   * name registered with it (in the same transaction as the decision).
   */
  readonly issuesLicence: boolean;
  /** Decides on arrival: REJECT, RETURN with every item to correct, or COMPLETE with the outputs. Deterministic. */
  autoDecide(form: unknown, ctx: StepKindContext): AutoDecision<Record<string, unknown>>;
  /** What the step issues when a clerk completes it: the values the clerk gave win, the rest is generated. */
  issue(form: unknown, ctx: StepKindContext, given: Readonly<Record<string, string>>): Record<string, unknown>;
  /** The output fields a clerk may fill, each with its format (for the API's validation and the web form). */
  readonly clerkFields: Readonly<Record<string, OutputFormat>>;
  /** True: a clerk's outputs are whatever the step's output schema (the definition's) allows, checked by the API against it. */
  readonly outputsFromSchema: boolean;
  /**
   * Words for a code the step's schemas cannot label because its names are configuration (a bank code):
   * `path` is a form path the step reads, or `outputs.<key>`. Undefined: the schema's labels say it.
   */
  valueName?(path: string, value: unknown): { zh: string; en: string } | undefined;
  /** What a clerk may decide on a step of this kind. Absent: every decision. */
  readonly decisions?: readonly TaskDecisionKind[];
  /**
   * What a clerk may decide on the step that rules on this step's objections (its `notice.objectionStep`),
   * whatever that step's own kind allows: a ruling is no review of the form, so nothing goes back for correction.
   */
  readonly rulingDecisions?: readonly TaskDecisionKind[];
  /** The name and USCC registered with a completed licence (kinds that issue it). */
  licence?(form: unknown, outputs: Readonly<Record<string, unknown>>): { enterpriseName: string; uscc: string };
}
