import { Injectable } from '@nestjs/common';
import {
  checkApplication,
  checkFormRules,
  foldEnterpriseName,
  normaliseEnterpriseName,
  shanghaiDate,
  type ApplicationForm,
  type RuleFlag,
  type SchemaProblem,
} from '@onetrip/domain';
import type { FieldError } from '../common/app-error';
import { validationFailed } from '../common/validation';
import { CasePolicyService } from './case-policy.service';
import { RegisteredNamesRepository } from './registered-names.repository';
import { ApiConfig } from '../config/api.config';
import type { ApplicationRulesResponseDto } from './dto/application-rules-response.dto';

/** Violations grouped by field path, in the order the rules found them. */
export function violationFields(violations: readonly { path: string; code: string; message: string }[]): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const violation of violations) {
    const field = byPath.get(violation.path) ?? { path: violation.path, messages: [], codes: [] };
    field.messages.push(violation.message);
    field.codes?.push(violation.code);
    byPath.set(violation.path, field);
  }
  return [...byPath.values()];
}

/** A form path under a prefix: ('form', 'company.name') → 'form.company.name'; ('form', '') → 'form'. */
export function underPrefix(prefix: string, path: string): string {
  if (prefix === '') return path === '' ? 'form' : path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** A definition's schema problems as field errors, grouped by path (every failing field in one 400). */
export function schemaProblemFields(problems: readonly SchemaProblem[], prefix: string): FieldError[] {
  return violationFields(problems.map((problem) => ({ path: underPrefix(prefix, problem.path), code: problem.code, message: problem.message })));
}

/** The domain's business rules for a whole form, with today's date, the jurisdiction and the name register. */
@Injectable()
export class ApplicationRulesService {
  constructor(
    private readonly policies: CasePolicyService,
    private readonly config: ApiConfig,
    private readonly registeredNames: RegisteredNamesRepository,
  ) {}

  /** The settings `check` applies, as the pages need them. */
  settings(): ApplicationRulesResponseDto {
    const { jurisdiction, forbiddenWords } = this.policies.policy.rules;
    return { jurisdiction: { divisionCode: jurisdiction.divisionCode, name: jurisdiction.name }, forbiddenWords: [...forbiddenWords], demoMode: this.config.DEMO_MODE };
  }

  /** Throws 400 with every violation's path (一次告知); answers the flags for a clerk. */
  async check(form: ApplicationForm, options: { caseId?: string; now?: Date } = {}): Promise<RuleFlag[]> {
    const { rules } = this.policies.policy;
    const result = checkApplication(form, {
      today: shanghaiDate(options.now ?? new Date()),
      jurisdiction: rules.jurisdiction,
      forbiddenWords: rules.forbiddenWords,
      nameTaken: await this.isNameTaken(form.company.name, options.caseId),
    });
    if (result.violations.length > 0) throw validationFailed(violationFields(result.violations));
    return result.flags;
  }

  /**
   * A definition's named cross-field rules (FORM_RULES) on a form that matches its schema: 400 with every
   * violation's path under `prefix`; answers the flags for a clerk.
   */
  async checkNamed(names: readonly string[], form: unknown, prefix: string, options: { caseId?: string; now?: Date } = {}): Promise<RuleFlag[]> {
    if (names.length === 0) return [];
    const { rules } = this.policies.policy;
    // The name the form registers: an opening's company name, or a change's new name.
    const { company, changes } = form as { company?: { name?: unknown }; changes?: { name?: unknown } };
    const candidate = company?.name ?? changes?.name;
    const name = typeof candidate === 'string' ? candidate : undefined;
    const result = checkFormRules(names, form, {
      today: shanghaiDate(options.now ?? new Date()),
      jurisdiction: rules.jurisdiction,
      forbiddenWords: rules.forbiddenWords,
      nameTaken: name === undefined ? false : await this.isNameTaken(name, options.caseId),
    });
    if (result.violations.length > 0) throw validationFailed(violationFields(result.violations.map((violation) => ({ ...violation, path: underPrefix(prefix, violation.path) }))));
    return result.flags;
  }

  /** Registered by another case (a case's own licence, on a later correction, does not count). */
  private async isNameTaken(name: string, caseId: string | undefined): Promise<boolean> {
    const candidates = [...new Set([normaliseEnterpriseName(name), name])];
    // The folded form catches a spelling in traditional characters or full-width forms of a registered name.
    return this.registeredNames.isTaken(candidates, foldEnterpriseName(name), caseId ?? null);
  }
}
