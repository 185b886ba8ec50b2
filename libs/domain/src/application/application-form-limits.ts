import type { Jurisdiction } from './application-rules';

// Sizes of the combined form's fields: the API's request DTO refuses what exceeds them, and the pages
// check the same numbers before sending. One place, so the two cannot drift.

/** Yuan with at most 2 decimals, at most 13 integer digits. */
export const AMOUNT_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

export const APPLICATION_FORM_LIMITS = {
  /** A person's, shareholder's or branch's name; also the enterprise name. */
  nameMax: 100,
  /** An address line. */
  detailMax: 200,
  scopeItemMax: 200,
  scopeItemsMax: 50,
  // Company Law allows up to 200 promoters of a joint stock company.
  shareholdersMax: 200,
  employeesMax: 500,
  // Long enough for the domain rules to explain what is wrong with a number; short enough to refuse junk.
  identifierMax: 32,
  divisionCodeMax: 12,
  bankCodeMax: 16,
  dateMax: 10,
} as const;

/** The settings of the form rules an API runs with (its JURISDICTION_* and FORBIDDEN_NAME_WORDS), served to the pages. */
export interface ApplicationRuleSettings {
  jurisdiction: Jurisdiction;
  forbiddenWords: readonly string[];
}
