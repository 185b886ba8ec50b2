import { ENTERPRISE_KIND_OF_DEPARTMENT, stepKind } from '../step-kinds/step-kind-registry';
import type { OutputFormat } from '../step-kinds/step-kind';
import type { Department } from './departments';

// What a clerk may type into a completion: only the values the department issues, each in its format.
// The rest is generated (see department-outputs.ts), so a value given must look like the generated one.

export type { OutputFormat } from '../step-kinds/step-kind';

/** Each department's clerk fields: those of its kind in the enterprise opening. */
export const DEPARTMENT_OUTPUT_FORMATS: Readonly<Record<Department, Readonly<Record<string, OutputFormat>>>> = {
  SAMR: stepKind(ENTERPRISE_KIND_OF_DEPARTMENT.SAMR).clerkFields,
  PSB: stepKind(ENTERPRISE_KIND_OF_DEPARTMENT.PSB).clerkFields,
  TAX: stepKind(ENTERPRISE_KIND_OF_DEPARTMENT.TAX).clerkFields,
  HRSS: stepKind(ENTERPRISE_KIND_OF_DEPARTMENT.HRSS).clerkFields,
  BANK: stepKind(ENTERPRISE_KIND_OF_DEPARTMENT.BANK).clerkFields,
};

// Control and format characters: C0/C1 controls, bidi overrides and isolates (U+202A–202E, U+2066–2069),
// zero-width characters. A value with them can read differently from what it is.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** True when the text holds a control, bidi or zero-width character. */
export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}

export interface OutputProblem {
  /** The output's key, e.g. `licenseNumber`. */
  key: string;
  message: string;
}

/** What is wrong with the outputs a clerk of `department` gave (none when all is well). */
export function outputProblems(department: Department, outputs: Readonly<Record<string, string>>): OutputProblem[] {
  return clerkFieldProblems(DEPARTMENT_OUTPUT_FORMATS[department], department, outputs);
}

/** What is wrong with the outputs a clerk gave for the fields `formats` (a kind's clerkFields) of `issuer`. */
export function clerkFieldProblems(formats: Readonly<Record<string, OutputFormat>>, issuer: string, outputs: Readonly<Record<string, string>>): OutputProblem[] {
  const problems: OutputProblem[] = [];
  for (const [key, value] of Object.entries(outputs)) {
    const format = Object.prototype.hasOwnProperty.call(formats, key) ? formats[key] : undefined;
    if (!format) problems.push({ key, message: `is not issued by ${issuer} (it issues: ${Object.keys(formats).join(', ')})` });
    else if (hasInvisibleCharacters(value)) problems.push({ key, message: 'must not contain control, bidi or zero-width characters' });
    else if (!format.pattern.test(value)) problems.push({ key, message: format.description });
  }
  return problems;
}
