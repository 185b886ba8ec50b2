import { Injectable } from '@nestjs/common';
import type { CasePolicy } from '@onetrip/workflows/contracts';
import { ApiConfig } from '../config/api.config';
import { buildCasePolicy } from './case-policy';

/** The case policy, built once from the validated config; each new case is started with it. */
@Injectable()
export class CasePolicyService {
  readonly policy: CasePolicy;

  constructor(config: ApiConfig) {
    this.policy = buildCasePolicy(config);
  }
}
