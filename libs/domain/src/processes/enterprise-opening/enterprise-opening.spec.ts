import fc from 'fast-check';
import { applicationFormArb } from '../../../test/application-form.arbitrary';
import { SEAL_KINDS, type ApplicationForm, type SealKind } from '../../application/application-form';
import { checkApplication, JISHOU_JURISDICTION } from '../../application/application-rules';
import { sampleApplicationForm } from '../../application/sample-application';
import { DEPARTMENT_INFO, DEPARTMENTS } from '../../departments/departments';
import { feeLedgerFor } from '../../engine/fees';
import { buildOutcome } from '../../engine/outcome';
import { checkFormRules } from '../../engine/form-rules';
import { personalDataPaths, validateValue } from '../../engine/json-schema/schema-validator';
import { makeResidentId } from '../../identifiers/resident-id';
import { generateUscc } from '../../identifiers/uscc';
import { feeLedgerForApplication } from '../../money/fee-ledger';
import { enterpriseOpeningOutcome } from './kinds/enterprise-outcome';
import { stepKind } from '../../step-kinds/step-kind-registry';
import { ENTERPRISE_OPENING_V1 as OPENING } from '../shipped-definitions';

const schema = OPENING.form.schema;
const rules = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };
type Mutable = ApplicationForm & Record<string, unknown>;
const withForm = (change: (form: Mutable) => void): Mutable => {
  const form = sampleApplicationForm() as Mutable;
  change(form);
  return form;
};

describe('enterprise-opening v1: the steps are today\'s departments', () => {
  it('has one step per department, id = department code, with its names, reads, dependencies and limits', () => {
    expect(OPENING.steps.map((s) => s.id)).toEqual([...DEPARTMENTS]);
    for (const step of OPENING.steps) {
      const info = DEPARTMENT_INFO[step.id as keyof typeof DEPARTMENT_INFO];
      expect(step).toMatchObject({
        department: info.code,
        name: { zh: info.stepZh, en: info.stepEn },
        reads: [...info.reads],
        dependsOn: [...info.dependsOn],
        timeLimitMinutes: info.timeLimitMinutes,
        reminderLeadMinutes: info.reminderLeadMinutes,
      });
      expect(OPENING.departments.find((d) => d.code === step.department)?.name).toEqual({ zh: info.nameZh, en: info.nameEn });
    }
  });

  it('marks the ID numbers and mobile as personal data, and unmasks them where the department saw them before', () => {
    expect(personalDataPaths(schema)).toEqual(['legalRepresentative.idNumber', 'legalRepresentative.mobile', 'shareholders[].idNumber', 'socialInsurance.employees[].idNumber']);
    expect(Object.fromEntries(OPENING.steps.map((s) => [s.id, s.unmasked ?? []]))).toEqual({
      SAMR: ['legalRepresentative.idNumber', 'legalRepresentative.mobile', 'shareholders[].idNumber'],
      PSB: ['legalRepresentative.idNumber'],
      TAX: [],
      HRSS: ['socialInsurance.employees[].idNumber'],
      BANK: ['legalRepresentative.idNumber'],
    });
  });
});

describe('enterprise-opening v1: the form schema accepts what the API accepts', () => {
  const valid: [string, Mutable][] = [
    ['the sample', withForm(() => undefined)],
    ['no employees, window pickup without an address, no branch', withForm((f) => {
      f.socialInsurance.employees = [];
      f.delivery = { method: 'WINDOW_PICKUP' };
      f.bank = { bankCode: 'ICBC' };
    })],
    ['a sole proprietorship with one seal and no UKey', withForm((f) => {
      f.company.entityType = 'SOLE_PROPRIETORSHIP';
      f.shareholders = [{ name: '张三', kind: 'PERSON', idNumber: f.legalRepresentative.idNumber, subscribedCapital: '1000000' }];
      f.seals.kinds = ['OFFICIAL'];
      f.tax = { taxpayerType: 'GENERAL', invoices: false, ukey: false };
    })],
    ['the largest sizes', withForm((f) => {
      f.company.name = '名'.repeat(100);
      f.company.businessScope = Array.from({ length: 50 }, (_, i) => `项目${i}`.padEnd(200, '项'));
      f.company.address = { divisionCode: '433101001001', detail: '路'.repeat(200) };
      f.company.registeredCapital = '9999999999999.99';
      f.shareholders = Array.from({ length: 200 }, (_, i) => ({ name: `股东${i}`, kind: 'ENTITY' as const, uscc: generateUscc({ divisionCode: '433100', sequence: i }), subscribedCapital: '1.00' }));
      f.socialInsurance.employees = Array.from({ length: 500 }, (_, i) => ({ name: `职工${i}`, idNumber: makeResidentId('433101', '1990-01-01', i), startDate: '2026-03-02' }));
      f.delivery.address = '址'.repeat(200);
    })],
  ];

  it.each(valid)('accepts %s', (_name, form) => {
    expect(validateValue(schema, form)).toEqual([]);
  });

  // What the DTO refuses, refused at the same field path.
  const invalid: [string, (f: Mutable) => void, string][] = [
    ['an empty enterprise name', (f) => { f.company.name = ''; }, 'company.name'],
    ['an enterprise name over 100 characters', (f) => { f.company.name = '名'.repeat(101); }, 'company.name'],
    ['an unknown entity type', (f) => { f.company.entityType = 'LLC' as never; }, 'company.entityType'],
    ['a capital with a thousands separator', (f) => { f.company.registeredCapital = '1,000,000'; }, 'company.registeredCapital'],
    ['a capital with 14 digits', (f) => { f.company.registeredCapital = '10000000000000'; }, 'company.registeredCapital'],
    ['a capital as a number', (f) => { (f.company as unknown as Record<string, unknown>).registeredCapital = 1000000; }, 'company.registeredCapital'],
    ['an empty business scope', (f) => { f.company.businessScope = []; }, 'company.businessScope'],
    ['51 business scope items', (f) => { f.company.businessScope = Array.from({ length: 51 }, (_, i) => `项目${i}`); }, 'company.businessScope'],
    ['an empty business scope item', (f) => { f.company.businessScope = ['软件开发', '']; }, 'company.businessScope[1]'],
    ['a division code over 12 characters', (f) => { f.company.address.divisionCode = '4331010010011'; }, 'company.address.divisionCode'],
    ['an empty street address', (f) => { f.company.address.detail = ''; }, 'company.address.detail'],
    ['no legal representative', (f) => { delete (f as Partial<ApplicationForm>).legalRepresentative; }, 'legalRepresentative'],
    ['an ID number over 32 characters', (f) => { f.legalRepresentative.idNumber = '4'.repeat(33); }, 'legalRepresentative.idNumber'],
    ['a mobile over 32 characters', (f) => { f.legalRepresentative.mobile = '1'.repeat(33); }, 'legalRepresentative.mobile'],
    ['no shareholders', (f) => { f.shareholders = []; }, 'shareholders'],
    ['201 shareholders', (f) => { f.shareholders = Array.from({ length: 201 }, () => ({ ...f.shareholders[1] })); }, 'shareholders'],
    ['an unknown shareholder kind', (f) => { f.shareholders[1].kind = 'TRUST' as never; }, 'shareholders[1].kind'],
    ['a shareholder without a name', (f) => { delete (f.shareholders[0] as Partial<ApplicationForm['shareholders'][0]>).name; }, 'shareholders[0].name'],
    ['a negative subscribed capital', (f) => { f.shareholders[1].subscribedCapital = '-1.00'; }, 'shareholders[1].subscribedCapital'],
    ['no seal', (f) => { f.seals.kinds = []; }, 'seals.kinds'],
    ['five seals', (f) => { f.seals.kinds = [...SEAL_KINDS, 'OFFICIAL']; }, 'seals.kinds'],
    ['an unknown seal', (f) => { f.seals.kinds = ['GOLD' as SealKind]; }, 'seals.kinds[0]'],
    ['an unknown taxpayer type', (f) => { f.tax.taxpayerType = 'HUGE' as never; }, 'tax.taxpayerType'],
    ['invoices as a string', (f) => { (f.tax as unknown as Record<string, unknown>).invoices = 'yes'; }, 'tax.invoices'],
    ['501 employees', (f) => { f.socialInsurance.employees = Array.from({ length: 501 }, () => ({ ...f.socialInsurance.employees[0] })); }, 'socialInsurance.employees'],
    ['a start date over 10 characters', (f) => { f.socialInsurance.employees[0].startDate = '2026-03-02T'; }, 'socialInsurance.employees[0].startDate'],
    ['an empty bank code', (f) => { f.bank.bankCode = ''; }, 'bank.bankCode'],
    ['a bank code over 16 characters', (f) => { f.bank.bankCode = 'B'.repeat(17); }, 'bank.bankCode'],
    ['a branch over 100 characters', (f) => { f.bank.branch = '支'.repeat(101); }, 'bank.branch'],
    ['an unknown delivery method', (f) => { f.delivery.method = 'DRONE' as never; }, 'delivery.method'],
    ['a postal address over 200 characters', (f) => { f.delivery.address = '址'.repeat(201); }, 'delivery.address'],
    ['a field the form does not have', (f) => { (f.company as unknown as Record<string, unknown>).motto = '诚信'; }, 'company.motto'],
    ['a section the form does not have', (f) => { f.restaurant = {}; }, 'restaurant'],
  ];

  it.each(invalid)('refuses %s at its field path', (_name, change, path) => {
    const problems = validateValue(schema, withForm(change));
    expect(problems.length).toBeGreaterThan(0);
    expect([...new Set(problems.map((p) => p.path))]).toEqual([path]);
  });

  it('refuses with a format what the rules refused before, at the same path and with the same code', () => {
    const id = sampleApplicationForm().legalRepresentative.idNumber;
    const typo = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const form = withForm((f) => {
      f.legalRepresentative.idNumber = typo;
      f.legalRepresentative.mobile = '12345678901';
    });
    const before = checkApplication(form, rules).violations.map((v) => `${v.path} ${v.code}`);
    expect(validateValue(schema, form).map((p) => `${p.path} ${p.code}`)).toEqual(before);
  });

  it('keeps every rule of today through its named rules', () => {
    const form = withForm((f) => {
      f.company.registeredCapital = '999.00';
      f.delivery.address = '';
      f.seals.kinds = ['OFFICIAL', 'OFFICIAL'];
    });
    expect(validateValue(schema, form)).toEqual([]);
    expect(checkFormRules(OPENING.form.rules, form, rules)).toEqual(checkApplication(form, rules));
    expect(checkFormRules(OPENING.form.rules, form, rules).violations.length).toBe(3);
  });
});

describe('enterprise-opening v1: fees', () => {
  const subsets = (kinds: readonly SealKind[]): SealKind[][] =>
    kinds.reduce<SealKind[][]>((all, kind) => [...all, ...all.map((subset) => [...subset, kind])], [[]]);

  it('gives exactly the ledger of feeLedgerForApplication for every choice of seals, UKey, invoices and delivery', () => {
    let compared = 0;
    for (const kinds of subsets(SEAL_KINDS)) {
      for (const ukey of [true, false]) {
        for (const invoices of [true, false]) {
          for (const method of ['WINDOW_PICKUP', 'FREE_MAIL'] as const) {
            // Seals in the order the applicant ticked them: the ledger keeps SEAL_KINDS order either way.
            const form = withForm((f) => {
              f.seals.kinds = [...kinds].reverse();
              f.tax.ukey = ukey;
              f.tax.invoices = invoices;
              f.delivery.method = method;
            });
            expect(feeLedgerFor(OPENING, form)).toEqual(feeLedgerForApplication(form));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(128);
  });
});

describe('enterprise-opening v1: outputs and outcome', () => {
  const issued = (form: ApplicationForm, sequence: number) => {
    const uscc = generateUscc({ divisionCode: '433101', sequence });
    return Object.fromEntries(OPENING.steps.map((step) => [step.id, stepKind(step.kind).issue(form, { rules, uscc }, {})]));
  };

  it("builds exactly caseWorkflow's outcome from what the steps issue, and each step's outputs fit its schema", () => {
    fc.assert(
      fc.property(applicationFormArb, fc.integer({ min: 0, max: 1_000_000 }), (form, sequence) => {
        const outputs = issued(form, sequence);
        for (const step of OPENING.steps) expect({ step: step.id, problems: validateValue(step.outputs, outputs[step.id]) }).toEqual({ step: step.id, problems: [] });
        expect(buildOutcome(OPENING, outputs, form)).toEqual(enterpriseOpeningOutcome(outputs, form));
      }),
      { numRuns: 50 },
    );
  });

  it('fits the outputs the steps decide automatically on the sample', () => {
    const form = sampleApplicationForm();
    let uscc: string | undefined;
    for (const step of OPENING.steps) {
      const decision = stepKind(step.kind).autoDecide(form, { rules, uscc, enterpriseSequence: 7, reads: step.reads });
      if (decision.decision !== 'COMPLETE') throw new Error(`${step.id} did not complete`);
      expect(validateValue(step.outputs, decision.outputs)).toEqual([]);
      uscc ??= decision.outputs.uscc as string;
    }
  });
});
