import type { ApplicationForm, CaseStatus, Department, FeePayer, StepStatus } from '@onetrip/domain';

// The API's responses as the pages read them (issue 3 and 4 contracts).

export interface CaseStep {
  department: Department;
  status: StepStatus;
  round?: number;
  dueAt?: string;
  overdue: boolean;
  completedAt?: string;
  outputs?: Record<string, unknown>;
  claimedBy?: string;
}

export interface CorrectionItem {
  department: Department;
  field: string;
  reason: string;
}

export interface FeeItem {
  code: string;
  description: string;
  descriptionZh?: string;
  amount: string;
  payer: FeePayer;
}

export interface Complaint {
  id: string;
  caseId?: string;
  text: string;
  status: 'OPEN' | 'RESOLVED';
  openedAt: string;
  raisedBy?: string;
  resolution?: string;
  resolvedAt?: string;
  resolvedBy?: string;
}

export interface CaseOutcome {
  uscc?: string;
  licenseNumber?: string;
  seals?: { kind: string; code: string }[];
  tax?: { taxpayerId?: string; ukeyNumber?: string; [key: string]: unknown };
  socialInsurance?: { registrationNumber?: string; [key: string]: unknown };
  bankAccount?: { bankCode?: string; accountNumber?: string; branch?: string; [key: string]: unknown };
  delivery?: { method?: string; tripsRequired?: number; address?: string; [key: string]: unknown };
}

export interface CaseView {
  id: string;
  status: CaseStatus;
  submittedAt: string;
  completedAt?: string;
  steps: CaseStep[];
  correction?: { round?: number; items: CorrectionItem[] };
  outcome?: CaseOutcome;
  fees: { items: FeeItem[]; applicantTotal: string; borneByOthers: string };
  endReason?: string;
  flags?: { path: string; code: string; message: string }[];
  form?: ApplicationForm;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface TaskSummary {
  id: string;
  caseId: string;
  department: Department;
  round?: number;
  status: StepStatus;
  openedAt?: string;
  dueAt: string;
  overdue: boolean;
  claimedBy?: string;
  claimedAt?: string;
}

export interface TaskDetail extends TaskSummary {
  mode?: 'MANUAL' | 'AUTO';
  caseStatus?: CaseStatus;
  decidedAt?: string;
  outputs?: Record<string, unknown>;
  returnItems?: { field: string; reason: string }[];
  rejectReason?: string;
  flags?: { path: string; code: string; message: string }[];
  form: Record<string, unknown>;
}

export interface TaskDecision {
  id: string;
  caseId: string;
  department: Department;
  status: StepStatus;
  outputs?: Record<string, unknown>;
}
