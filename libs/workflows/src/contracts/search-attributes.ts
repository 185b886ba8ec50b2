// Custom search attributes our workflows set. Codes and times only: never personal data.
export const SEARCH_ATTRIBUTES = {
  OneTripCaseStatus: 'KEYWORD',
  OneTripOpenDepartments: 'KEYWORD_LIST',
  OneTripOverdueDepartments: 'KEYWORD_LIST',
  OneTripNextDueAt: 'DATETIME',
} as const;

export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;
