import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Custom search attributes our workflows set. Codes and times only: never personal data.
export const SEARCH_ATTRIBUTES = {
  OneTripCaseStatus: 'KEYWORD',
  OneTripOpenDepartments: 'KEYWORD_LIST',
  OneTripOverdueDepartments: 'KEYWORD_LIST',
  OneTripNextDueAt: 'DATETIME',
} as const;

export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;

export const CASE_STATUS_KEY = defineSearchAttributeKey('OneTripCaseStatus', SearchAttributeType.KEYWORD);
export const OPEN_DEPARTMENTS_KEY = defineSearchAttributeKey('OneTripOpenDepartments', SearchAttributeType.KEYWORD_LIST);
export const OVERDUE_DEPARTMENTS_KEY = defineSearchAttributeKey('OneTripOverdueDepartments', SearchAttributeType.KEYWORD_LIST);
export const NEXT_DUE_AT_KEY = defineSearchAttributeKey('OneTripNextDueAt', SearchAttributeType.DATETIME);
