import { sampleApplicationForm, type ProcessDefinition } from '@onetrip/domain';
import { SHIPPED_DEFINITIONS } from '@onetrip/domain/processes/shipped-definitions';
import { buildCasePolicy } from './case-policy';
import { planStep, processWorkflowInput, skippedSteps, type StepSettings } from './process-plan';

const opening = SHIPPED_DEFINITIONS.find((definition: ProcessDefinition) => definition.key === 'enterprise-opening') as ProcessDefinition;
const settings = (modes: StepSettings['modes'], timeLimits: StepSettings['timeLimits'] = { named: {} }): StepSettings => ({ modes, timeLimits, reminderLeadMinutes: 30 });

describe('the plan a case is started with', () => {
  const step = { ...opening.steps[1], id: 'fire-safety', department: 'FIRE', mode: 'AUTO' as const, timeLimitMinutes: 120 };

  it('overrides by step id over department code over *, else keeps the definition', () => {
    expect(planStep(step, settings({ named: {} })).mode).toBe('AUTO');
    expect(planStep(step, settings({ all: 'MANUAL', named: {} })).mode).toBe('MANUAL');
    expect(planStep(step, settings({ all: 'MANUAL', named: { FIRE: 'AUTO' } })).mode).toBe('AUTO');
    expect(planStep(step, settings({ all: 'AUTO', named: { FIRE: 'AUTO', 'fire-safety': 'MANUAL' } })).mode).toBe('MANUAL');
    expect(planStep(step, settings({ named: {} }, { named: {} })).timeLimitMinutes).toBe(120);
    expect(planStep(step, settings({ named: {} }, { all: 240, named: { 'fire-safety': 15 } })).timeLimitMinutes).toBe(15);
    expect(planStep(step, settings({ named: {} })).reminderLeadMinutes).toBe(30);
  });

  it('skips the steps whose `when` is false for the form, and sends ids only (no form, no personal data)', () => {
    const form = sampleApplicationForm();
    const conditional: ProcessDefinition = { ...opening, steps: [...opening.steps, { ...step, when: { '>': [{ var: 'socialInsurance.employees.length' }, 100] } }] };
    expect(skippedSteps(conditional, form)).toEqual(['fire-safety']);
    const policy = buildCasePolicy({
      CASE_DEPARTMENT_MODES: '',
      CASE_TIME_LIMIT_MINUTES: '',
      CASE_REMINDER_LEAD_MINUTES: 60,
      CASE_CALENDAR: 'ALWAYS',
      CASE_OFFICE_HOURS: '09:00-12:00',
      CASE_HOLIDAYS: '',
      CASE_MAKEUP_WORKDAYS: '',
      JURISDICTION_DIVISION_CODE: '433101',
      JURISDICTION_NAME: '吉首市',
      FORBIDDEN_NAME_WORDS: '',
    });
    const input = processWorkflowInput('c1', { key: conditional.key, version: 1, definition: conditional }, policy, settings({ all: 'MANUAL', named: {} }), form);
    expect(input.process).toEqual({ key: 'enterprise-opening', version: 1 });
    expect(input.steps.map((planned) => planned.id)).toEqual(['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK', 'fire-safety']);
    expect(input.skipped).toEqual(['fire-safety']);
    const text = JSON.stringify(input);
    expect(text).not.toContain(form.legalRepresentative.idNumber);
    expect(text).not.toContain(form.legalRepresentative.mobile);
    expect(text).not.toContain(form.company.name);
  });
});
