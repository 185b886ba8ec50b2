import type { ProcessDefinition } from '../engine/process-definition';
import enterpriseDeregistrationV1 from './enterprise-deregistration/enterprise-deregistration.v1.json';
import enterpriseChangeV1 from './enterprise-change/enterprise-change.v1.json';
import enterpriseOpeningV1 from './enterprise-opening/enterprise-opening.v1.json';

// The process packs shipped with OneTrip: loaded into process_definitions at start of the API and the
// worker when missing (ensureShippedDefinitions). Each is data; a test runs them through the validator.

export const ENTERPRISE_OPENING_V1: ProcessDefinition = enterpriseOpeningV1 as unknown as ProcessDefinition;

export const ENTERPRISE_CHANGE_V1: ProcessDefinition = enterpriseChangeV1 as unknown as ProcessDefinition;

/** 企业注销一件事: TAX, HRSS, BANK and PSB in parallel, a notice period by route, SAMR's deregistration last. */
export const ENTERPRISE_DEREGISTRATION_V1: ProcessDefinition = enterpriseDeregistrationV1 as unknown as ProcessDefinition;

export const SHIPPED_DEFINITIONS: ProcessDefinition[] = [ENTERPRISE_OPENING_V1, ENTERPRISE_CHANGE_V1, ENTERPRISE_DEREGISTRATION_V1];
