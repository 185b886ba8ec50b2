import { JISHOU_JURISDICTION } from '../../application/application-rules';
import { evaluateCondition } from '../../engine/conditions';
import { validateDefinition } from '../../engine/definition-validator';
import { feeLedgerFor } from '../../engine/fees';
import { checkForm } from '../../engine/form-check';
import { buildOutcome } from '../../engine/outcome';
import { readySteps } from '../../engine/process-graph';
import type { ProcessDefinition } from '../../engine/process-definition';
import { makeResidentId } from '../../identifiers/resident-id';
import { generateUscc } from '../../identifiers/uscc';
import { STEP_KIND_KEYS } from '../../step-kinds/step-kind-registry';
import type { StepStatus } from '../../case/case-status';
import { ENTERPRISE_DEREGISTRATION_V1 as DEREGISTRATION } from '../shipped-definitions';

const rules = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };
const form = (route: 'SIMPLIFIED' | 'ORDINARY', declaration = { noDebts: true, noUnfinishedBusiness: true }) => ({
  enterprise: { uscc: generateUscc({ divisionCode: '433101', sequence: 11 }), name: '吉首市山水餐饮有限公司', legalRepresentativeIdNumber: makeResidentId('433101', '1990-05-01', 7) },
  route,
  declaration,
  delivery: { method: 'FREE_MAIL', address: '吉首市人民北路1号' },
});
const skipped = (value: unknown) => DEREGISTRATION.steps.filter((step) => step.when !== undefined && !evaluateCondition(step.when, value)).map((step) => step.id);

describe('enterprise-deregistration v1', () => {
  it('is a valid definition bound to the register (effect DEREGISTER)', () => {
    expect(validateDefinition(DEREGISTRATION, STEP_KIND_KEYS).problems).toEqual([]);
    expect(DEREGISTRATION.enterprise).toEqual({ usccPath: 'enterprise.uscc', representativeIdPath: 'enterprise.legalRepresentativeIdNumber', effect: 'DEREGISTER' });
  });

  it('runs TAX, HRSS, BANK and PSB first in parallel, then the route\'s notice, and SAMR last', () => {
    const status: Record<string, StepStatus> = Object.fromEntries(DEREGISTRATION.steps.map((step) => [step.id, 'PENDING' as StepStatus]));
    for (const id of skipped(form('SIMPLIFIED'))) status[id] = 'SKIPPED';
    expect(readySteps(DEREGISTRATION.steps, status)).toEqual(['TAX', 'HRSS', 'BANK', 'PSB']);
    for (const id of ['TAX', 'HRSS', 'BANK']) status[id] = 'DONE';
    expect(readySteps(DEREGISTRATION.steps, status)).toEqual(['PSB']);
    status.PSB = 'DONE';
    expect(readySteps(DEREGISTRATION.steps, status)).toEqual(['PUBLIC_NOTICE']);
    status.PUBLIC_NOTICE = 'DONE';
    expect(readySteps(DEREGISTRATION.steps, status)).toEqual(['SAMR']);
  });

  it('the simplified route gives a 20-day public notice, the ordinary a 45-day creditors\' notice; objections go to SAMR', () => {
    expect(skipped(form('SIMPLIFIED'))).toEqual(['CREDITOR_NOTICE', 'OBJECTION']);
    expect(skipped(form('ORDINARY'))).toEqual(['PUBLIC_NOTICE', 'OBJECTION']);
    const notice = (id: string) => DEREGISTRATION.steps.find((step) => step.id === id)!;
    expect(notice('PUBLIC_NOTICE').notice).toMatchObject({ days: 20, objectionStep: 'OBJECTION', onUpheld: 'CREDITOR_NOTICE' });
    expect(notice('CREDITOR_NOTICE').notice).toMatchObject({ days: 45, objectionStep: 'OBJECTION' });
    expect(notice('OBJECTION').department).toBe('SAMR');
  });

  it('takes the simplified route only as declared free of debts and unfinished business (rule simplified-deregistration)', () => {
    expect(checkForm(DEREGISTRATION.form, form('SIMPLIFIED'), rules).problems).toEqual([]);
    const refused = checkForm(DEREGISTRATION.form, form('SIMPLIFIED', { noDebts: false, noUnfinishedBusiness: false }), rules).problems;
    expect(refused.map((problem) => [problem.path, problem.code])).toEqual([
      ['declaration.noDebts', 'SIMPLIFIED_DEREGISTRATION_DEBTS'],
      ['declaration.noUnfinishedBusiness', 'SIMPLIFIED_DEREGISTRATION_UNFINISHED_BUSINESS'],
    ]);
    expect(checkForm(DEREGISTRATION.form, form('ORDINARY', { noDebts: false, noUnfinishedBusiness: false }), rules).problems).toEqual([]);
  });

  it('costs the applicant ¥0.00', () => {
    const ledger = feeLedgerFor(DEREGISTRATION, form('ORDINARY'));
    expect(ledger.applicantTotal).toBe('0.00');
    expect(ledger.items.map((item) => item.amount)).toEqual(['0.00', '0.00', '0.00', '0.00']);
  });

  it('builds one outcome: every department\'s reference and how the notice ended (null for the route not taken)', () => {
    const outcome = buildOutcome(DEREGISTRATION, {
      TAX: { clearanceNumber: 'QS433101000001' }, HRSS: { deregistrationNumber: 'SB433101000001' }, BANK: { closingReference: 'XH433101000001' },
      PSB: { cancellationReference: 'YZ433101000001' }, PUBLIC_NOTICE: { result: 'ENDED', endedAt: '2026-03-22T00:00:00.000Z' }, SAMR: { deregistrationNumber: 'ZX433101000001' },
    }, form('SIMPLIFIED'));
    expect(outcome).toMatchObject({ deregistrationNumber: 'ZX433101000001', publicNotice: 'ENDED', creditorsNotice: null, delivery: { method: 'FREE_MAIL', tripsRequired: 0 } });
  });
});

describe('notice options are checked', () => {
  const broken = (change: (steps: ProcessDefinition['steps']) => void) => {
    const copy = JSON.parse(JSON.stringify(DEREGISTRATION)) as ProcessDefinition;
    change(copy.steps);
    return validateDefinition(copy, STEP_KIND_KEYS).problems.map((problem) => `${problem.path} ${problem.code}`);
  };
  const at = (id: string) => DEREGISTRATION.steps.findIndex((step) => step.id === id);

  it('names each broken option at its path', () => {
    expect(broken((steps) => delete steps[at('PUBLIC_NOTICE')].notice)).toEqual([`$.steps[${at('PUBLIC_NOTICE')}].notice NOTICE_OPTIONS_MISSING`]);
    expect(broken((steps) => (steps[at('SAMR')].notice = steps[at('CREDITOR_NOTICE')].notice))).toEqual([`$.steps[${at('SAMR')}].notice NOTICE_OPTIONS_UNEXPECTED`]);
    expect(broken((steps) => (steps[at('CREDITOR_NOTICE')].notice!.objectionStep = 'NOPE'))).toEqual([`$.steps[${at('CREDITOR_NOTICE')}].notice.objectionStep NOTICE_STEP_UNKNOWN`]);
    expect(broken((steps) => delete steps[at('OBJECTION')].when)).toEqual([
      `$.steps[${at('PUBLIC_NOTICE')}].notice.objectionStep NOTICE_OBJECTION_STEP`,
      `$.steps[${at('CREDITOR_NOTICE')}].notice.objectionStep NOTICE_OBJECTION_STEP`,
    ]);
    expect(broken((steps) => (steps[at('PUBLIC_NOTICE')].notice!.onUpheld = 'SAMR'))).toEqual([`$.steps[${at('PUBLIC_NOTICE')}].notice.onUpheld NOTICE_UPHELD_NOT_NOTICE`]);
    expect(broken((steps) => (steps[at('PUBLIC_NOTICE')].notice!.publish.name = 'company.name'))).toEqual([`$.steps[${at('PUBLIC_NOTICE')}].notice.publish.name NOTICE_PUBLISH_PATH_UNKNOWN`]);
  });
});
