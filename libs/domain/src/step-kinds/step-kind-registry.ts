// PLACEHOLDER (eng-defapi) until eng-run's step-kind registry is merged: the keys only.
export const STEP_KIND_KEYS: ReadonlySet<string> = new Set([
  'review',
  'enterprise.licence',
  'enterprise.seals',
  'enterprise.tax',
  'enterprise.social-insurance',
  'enterprise.bank-account',
]);
