import type { StepKind } from './step-kind';

/**
 * The generic kind: a clerk of the step's department reviews and decides (complete / return with field
 * items / refuse). Its outputs are what the clerk fills, checked by the API against the step's output schema,
 * so a process made only of reviews needs no code. In AUTO mode it completes at once with no outputs
 * (a review without a person has nothing to check beyond what the API checked at filing).
 */
export const reviewKind: StepKind = {
  key: 'review',
  needsLicence: false,
  issuesLicence: false,
  outputsFromSchema: true,
  clerkFields: {},
  autoDecide: () => ({ decision: 'COMPLETE', outputs: {}, flags: [] }),
  issue: (_form, _ctx, given) => ({ ...given }),
};
