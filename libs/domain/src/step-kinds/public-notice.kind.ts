import type { StepKind } from './step-kind';

/** The key of the notice kind: the workflow runs such a step as a notice period (timer + objections), never as a task a clerk decides. */
export const PUBLIC_NOTICE_KIND = 'public-notice';

/** What an objection's clerk rules (the objection step's outputs `ruling`); refusing the case is a REJECT. */
export const OBJECTION_RULINGS = ['DISMISSED', 'UPHELD'] as const;
export type ObjectionRuling = (typeof OBJECTION_RULINGS)[number];

/** How a notice step ended (its outputs `result`): the period ran out, or an upheld objection sent the case on. */
export const NOTICE_RESULTS = ['ENDED', 'OBJECTION_UPHELD'] as const;
export type NoticeResult = (typeof NOTICE_RESULTS)[number];

/**
 * A notice period (公示期): the step's options (`notice` in the definition) say how many calendar days and
 * which steps rule on objections. Nobody completes it: the workflow closes it when the timer fires with no
 * objection open, issuing `{result, endedAt}`.
 */
export const publicNoticeKind: StepKind = {
  key: PUBLIC_NOTICE_KIND,
  needsLicence: false,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: {},
  // The workflow closes a notice; nobody decides it. Its objection step is ruled on or the case refused.
  decisions: [],
  rulingDecisions: ['COMPLETE', 'REJECT'],
  autoDecide: () => ({ decision: 'COMPLETE', outputs: {}, flags: [] }),
  issue: (_form, _ctx, given) => ({ ...given }),
};
