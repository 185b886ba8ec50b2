// PLACEHOLDER (eng-defapi) until eng-def's shipped definitions are merged: a skeleton of the opening.
import type { ProcessDefinition, StepDefinition } from '../engine/process-definition';

const step = (id: string, kind: string, dependsOn: string[]): StepDefinition => ({
  id,
  department: id,
  name: { zh: id, en: id },
  kind,
  dependsOn,
  reads: ['company.name'],
  mode: 'MANUAL',
  timeLimitMinutes: 480,
  reminderLeadMinutes: 60,
  outputs: { type: 'object', properties: {} },
});

const ENTERPRISE_OPENING_V1: ProcessDefinition = {
  key: 'enterprise-opening',
  version: 1,
  name: { zh: '企业开办', en: 'Enterprise opening' },
  departments: ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'].map((code) => ({ code, name: { zh: code, en: code } })),
  form: { schema: { type: 'object', properties: { company: { type: 'object', properties: { name: { type: 'string' } } } } }, rules: [] },
  steps: [
    step('SAMR', 'enterprise.licence', []),
    step('PSB', 'enterprise.seals', ['SAMR']),
    step('TAX', 'enterprise.tax', ['SAMR']),
    step('HRSS', 'enterprise.social-insurance', ['SAMR']),
    step('BANK', 'enterprise.bank-account', ['SAMR']),
  ],
  outcome: { fields: {}, delivery: { methodPath: 'delivery.method', options: [] } },
  fees: [],
};

export const SHIPPED_DEFINITIONS: ProcessDefinition[] = [ENTERPRISE_OPENING_V1];
