import { SEAL_KINDS } from '../application/application-form';
import { JISHOU_JURISDICTION, type RuleContext } from '../application/application-rules';
import { sampleApplicationForm } from '../application/sample-application';
import { autoDecide } from '../departments/auto-decision';
import { bankAccountNumber, licenseNumber, sealCode, socialInsuranceNumber, ukeyNumber } from '../departments/department-outputs';
import { DEPARTMENT_OUTPUT_FORMATS } from '../departments/output-rules';
import { DEPARTMENTS } from '../departments/departments';
import { generateUscc } from '../identifiers/uscc';
import { validateDefinition } from '../engine/definition-validator';
import { ENTERPRISE_DEREGISTRATION_V1, ENTERPRISE_OPENING_V1, SHIPPED_DEFINITIONS } from '../processes/shipped-definitions';
import { ENTERPRISE_KIND_OF_DEPARTMENT, STEP_KIND_KEYS, STEP_KINDS, stepDecisions, stepKind, UnknownStepKindError } from './step-kind-registry';

const rules: RuleContext = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };
const uscc = generateUscc({ divisionCode: '433101', sequence: 7 });

describe('the step-kind registry', () => {
  it("registers the opening's five kinds, the change's five, the notice period and the generic review, each under its own key", () => {
    expect([...STEP_KIND_KEYS].sort()).toEqual(
      [
        'enterprise.bank-account',
        'enterprise.licence',
        'enterprise.seals',
        'enterprise.social-insurance',
        'enterprise.tax',
        'enterprise-change.licence',
        'enterprise-change.seals',
        'enterprise-change.tax',
        'enterprise-change.social-insurance',
        'enterprise-change.bank-account',
        'public-notice',
        'review',
      ].sort(),
    );
    for (const [key, kind] of Object.entries(STEP_KINDS)) expect(kind.key).toBe(key);
  });

  it('knows every kind the shipped definitions use (the validator looks kinds up here)', () => {
    for (const definition of SHIPPED_DEFINITIONS) expect(validateDefinition(definition, STEP_KIND_KEYS).problems).toEqual([]);
    expect(validateDefinition({ ...ENTERPRISE_OPENING_V1, steps: ENTERPRISE_OPENING_V1.steps.map((s) => ({ ...s, kind: `${s.kind}x` })) }, STEP_KIND_KEYS).problems.length).toBeGreaterThan(0);
  });

  it('refuses an unknown key with a coded error naming it', () => {
    expect(() => stepKind('enterprise.nothing')).toThrow(UnknownStepKindError);
    expect(() => stepKind('toString')).toThrow('No step kind is registered as "toString"');
  });

  it('gives each department of the opening its kind, and the clerk fields departments had', () => {
    for (const department of DEPARTMENTS) expect(stepKind(ENTERPRISE_KIND_OF_DEPARTMENT[department]).clerkFields).toBe(DEPARTMENT_OUTPUT_FORMATS[department]);
    expect(Object.keys(stepKind('enterprise.seals').clerkFields)).toEqual([...SEAL_KINDS]);
  });

  it('only the licence issues a USCC; the other enterprise kinds need it', () => {
    expect(Object.values(STEP_KINDS).filter((kind) => kind.issuesLicence).map((kind) => kind.key)).toEqual(['enterprise.licence']);
    expect(Object.values(STEP_KINDS).filter((kind) => kind.needsLicence).map((kind) => kind.key)).toEqual([
      'enterprise.seals',
      'enterprise.tax',
      'enterprise.social-insurance',
      'enterprise.bank-account',
    ]);
    expect(() => stepKind('enterprise.tax').issue(sampleApplicationForm(), { rules }, {})).toThrow('TAX cannot decide before the business licence exists');
  });
});

describe("a clerk's completion (issue)", () => {
  const form = sampleApplicationForm();

  it('issues what the automatic decision issues when the clerk types nothing', () => {
    for (const department of DEPARTMENTS) {
      const kind = stepKind(ENTERPRISE_KIND_OF_DEPARTMENT[department]);
      const decided = autoDecide(department, form, { rules, uscc });
      if (decided.decision !== 'COMPLETE') throw new Error(`${department} should complete`);
      expect({ department, outputs: kind.issue(form, { rules, uscc }, {}) }).toEqual({ department, outputs: decided.outputs });
    }
  });

  it('lets the values the clerk typed win and generates the rest', () => {
    const given = { licenseNumber: '4331010000000000099', OFFICIAL: '4331011000000000099', ukeyNumber: '66000000000099', registrationNumber: '4331017000000000099', accountNumber: '6222020200112233445', branch: '吉首市人民路支行' };
    expect(stepKind('enterprise.licence').issue(form, { rules, uscc }, given)).toEqual({ uscc, licenseNumber: given.licenseNumber, enterpriseName: form.company.name });
    expect(stepKind('enterprise.seals').issue(form, { rules, uscc }, given)).toEqual({
      seals: SEAL_KINDS.filter((kind) => form.seals.kinds.includes(kind)).map((kind) => ({ kind, filingCode: kind === 'OFFICIAL' ? given.OFFICIAL : sealCode(uscc, kind) })),
    });
    expect(stepKind('enterprise.tax').issue(form, { rules, uscc }, given)).toMatchObject({ taxpayerId: uscc, ukeyNumber: form.tax.ukey ? given.ukeyNumber : null });
    expect(stepKind('enterprise.social-insurance').issue(form, { rules, uscc }, given)).toEqual({ socialInsuranceNumber: given.registrationNumber, enrolledEmployees: form.socialInsurance.employees.length });
    expect(stepKind('enterprise.bank-account').issue(form, { rules, uscc }, given)).toMatchObject({ branch: given.branch, accountNumber: given.accountNumber });
    // Untyped: generated from the USCC.
    expect(stepKind('enterprise.social-insurance').issue(form, { rules, uscc }, {})).toMatchObject({ socialInsuranceNumber: socialInsuranceNumber(uscc) });
    expect(stepKind('enterprise.licence').issue(form, { rules, uscc }, {})).toMatchObject({ licenseNumber: licenseNumber(uscc) });
    if (form.tax.ukey) expect(stepKind('enterprise.tax').issue(form, { rules, uscc }, {})).toMatchObject({ ukeyNumber: ukeyNumber(uscc) });
  });

  it('the licence issues a new USCC from the enterprise sequence when the case has none, and registers the name with it', () => {
    const licence = stepKind('enterprise.licence');
    const outputs = licence.issue(form, { rules, enterpriseSequence: 7 }, {});
    expect(outputs.uscc).toBe(uscc);
    expect(licence.licence?.(form, outputs)).toEqual({ enterpriseName: form.company.name, uscc });
    expect(() => licence.issue(form, { rules }, {})).toThrow('SAMR needs an enterprise sequence number');
  });

  it('a bank outside the list still gets its account (the clerk knows the bank): its code stands for its name', () => {
    const other = sampleApplicationForm();
    other.bank.bankCode = 'ZZZ';
    other.bank.branch = undefined;
    expect(stepKind('enterprise.bank-account').issue(other, { rules, uscc }, {})).toEqual({ bankCode: 'ZZZ', bankName: 'ZZZ', branch: '', accountNumber: bankAccountNumber('ZZZ', uscc, undefined) });
  });
});

describe('the review kind', () => {
  const review = stepKind('review');

  it('completes at once with no outputs when it runs AUTO', () => {
    expect(review.autoDecide(sampleApplicationForm(), { rules })).toEqual({ decision: 'COMPLETE', outputs: {}, flags: [] });
  });

  it("issues exactly what the clerk filled (the API checked it against the step's output schema)", () => {
    expect(review.outputsFromSchema).toBe(true);
    expect(review.clerkFields).toEqual({});
    expect(review.issue({}, { rules }, { permitNumber: 'JY14331010000001' })).toEqual({ permitNumber: 'JY14331010000001' });
    expect(review.needsLicence || review.issuesLicence).toBe(false);
  });
});

describe('the decisions a step allows, from its kinds', () => {
  it('lets a review or an opening step complete, return and refuse', () => {
    expect(stepDecisions(ENTERPRISE_OPENING_V1, 'BANK')).toEqual(['COMPLETE', 'RETURN', 'REJECT']);
    expect(stepDecisions(ENTERPRISE_DEREGISTRATION_V1, 'SAMR')).toEqual(['COMPLETE', 'RETURN', 'REJECT']);
  });

  it("narrows the step that rules on a notice's objections to a ruling or a refusal (no return for correction), and a notice to none", () => {
    expect(ENTERPRISE_DEREGISTRATION_V1.steps.find((step) => step.id === 'OBJECTION')?.kind).toBe('review');
    expect(stepDecisions(ENTERPRISE_DEREGISTRATION_V1, 'OBJECTION')).toEqual(['COMPLETE', 'REJECT']);
    expect(stepDecisions(ENTERPRISE_DEREGISTRATION_V1, 'PUBLIC_NOTICE')).toEqual([]);
    expect(stepDecisions(ENTERPRISE_DEREGISTRATION_V1, 'NO_SUCH_STEP')).toEqual([]);
  });
});
