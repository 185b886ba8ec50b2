import { Injectable } from '@nestjs/common';
import type { CasePolicy } from '@onetrip/workflows/contracts';
import { ApiConfig } from '../config/api.config';
import { buildCasePolicy, parseModeOverrides, parseTimeLimitOverrides } from './case-policy';
import type { StepSettings } from './process-plan';

/** The case policy, built once from the validated config; each new case is started with it. */
@Injectable()
export class CasePolicyService {
  readonly policy: CasePolicy;
  /** What the settings override in a definition's steps (modes, limits, the reminder lead). */
  readonly steps: StepSettings;

  constructor(config: ApiConfig) {
    this.policy = buildCasePolicy(config);
    const modes = parseModeOverrides(config.CASE_DEPARTMENT_MODES);
    this.steps = {
      // Unset: each step's own mode and limit, from its definition (the enterprise opening's steps are MANUAL,
      // as the window ran them before the engine); a deployment may override by step id, department or `*`.
      modes,
      timeLimits: parseTimeLimitOverrides(config.CASE_TIME_LIMIT_MINUTES),
      reminderLeadMinutes: config.CASE_REMINDER_LEAD_MINUTES,
      noticePeriodSeconds: config.NOTICE_PERIOD_SECONDS,
    };
  }
}
