import { SEAL_KINDS } from '../application/application-form';
import type { Department } from './departments';

// What a clerk may type into a completion: only the values the department issues, each in its format.
// The rest is generated (see department-outputs.ts), so a value given must look like the generated one.

export interface OutputFormat {
  pattern: RegExp;
  /** Says what is expected, to follow the field's path in an error. */
  description: string;
}

const NINETEEN_DIGITS = /^\d{19}$/;

export const DEPARTMENT_OUTPUT_FORMATS: Readonly<Record<Department, Readonly<Record<string, OutputFormat>>>> = {
  SAMR: { licenseNumber: { pattern: NINETEEN_DIGITS, description: 'must be the licence number (执照编号): 19 digits' } },
  PSB: Object.fromEntries(SEAL_KINDS.map((kind) => [kind, { pattern: NINETEEN_DIGITS, description: `must be the ${kind} seal's filing code: 19 digits` }])),
  TAX: { ukeyNumber: { pattern: /^\d{14}$/, description: 'must be the UKey number: 14 digits' } },
  HRSS: { registrationNumber: { pattern: NINETEEN_DIGITS, description: 'must be the social-insurance registration number: 19 digits' } },
  BANK: {
    accountNumber: { pattern: /^\d{10,25}$/, description: 'must be the new account number: 10–25 digits' },
    branch: { pattern: /^[\p{Script=Han}A-Za-z0-9()（）·\- ]{2,100}$/u, description: 'must be a branch name: 2–100 Chinese characters, letters, digits, brackets' },
  },
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
  const formats = DEPARTMENT_OUTPUT_FORMATS[department];
  const problems: OutputProblem[] = [];
  for (const [key, value] of Object.entries(outputs)) {
    const format = Object.prototype.hasOwnProperty.call(formats, key) ? formats[key] : undefined;
    if (!format) problems.push({ key, message: `is not issued by ${department} (it issues: ${Object.keys(formats).join(', ')})` });
    else if (hasInvisibleCharacters(value)) problems.push({ key, message: 'must not contain control, bidi or zero-width characters' });
    else if (!format.pattern.test(value)) problems.push({ key, message: format.description });
  }
  return problems;
}
