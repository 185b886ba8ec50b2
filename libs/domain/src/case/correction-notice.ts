import { compareFieldPaths } from '../application/application-form';
import { compareDepartments, DEPARTMENTS, departmentReads, type Department } from '../departments/departments';

// 一次告知 (inform once): when several departments return a case, the applicant gets one notice
// listing everything to correct, not a drip of separate requests.

export interface CorrectionItem {
  department: Department;
  /** Field path in dot notation with indexes, e.g. 'shareholders[1].idNumber'. */
  field: string;
  reason: string;
  code?: string;
}

/** Tags a department's return items (from a clerk or autoDecide) for merging. */
export function toCorrectionItems(
  department: Department,
  items: readonly { field: string; reason: string; code?: string }[],
): CorrectionItem[] {
  return items.map((item) => ({ department, ...item }));
}

/**
 * One item per department and field; distinct reasons are kept, joined with '; ' in the order first seen.
 * Sorted by department order, then by field in form order.
 */
export function mergeCorrectionItems(items: readonly CorrectionItem[]): CorrectionItem[] {
  const merged = new Map<string, CorrectionItem & { reasons: string[] }>();
  for (const item of items) {
    const key = `${item.department}\u0000${item.field}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...item, reasons: [item.reason] });
    } else if (!existing.reasons.includes(item.reason)) {
      existing.reasons.push(item.reason);
    }
  }
  return [...merged.values()]
    .map(({ reasons, ...item }) => ({ ...item, reason: reasons.join('; ') }))
    .sort((a, b) => compareDepartments(a.department, b.department) || compareFieldPaths(a.field, b.field));
}

export interface ReopenInput {
  returnedBy: readonly Department[];
  doneSteps: readonly Department[];
  changedPaths: readonly string[];
}

/**
 * After a correction: every department that returned the case looks again; a department that had
 * finished reopens only if it reads a changed field (nothing is redone for nothing). DEPARTMENTS order.
 */
export function stepsToReopen({ returnedBy, doneSteps, changedPaths }: ReopenInput): Department[] {
  return DEPARTMENTS.filter(
    (d) => returnedBy.includes(d) || (doneSteps.includes(d) && changedPaths.some((path) => departmentReads(d, path))),
  );
}
