import * as domain from './index';

// The public surface others import as @onetrip/domain; a missing re-export fails here rather than in another team's build.
describe('@onetrip/domain', () => {
  it('exports every module through the index', () => {
    for (const name of [
      'parseResidentId', 'makeResidentId', 'ageOn', 'isValidUscc', 'generateUscc', 'isValidMobile', 'maskPersonalData',
      'Money', 'buildFeeLedger', 'ApplicantChargeError', 'addWorkingMinutes', 'workingMinutesBetween', 'DEFAULT_CALENDAR',
      'ALWAYS_OPEN_CALENDAR', 'CORRECTABLE_FIELD_PATHS', 'applyCorrections', 'changedPaths', 'getField', 'checkApplication',
      'nameCheck', 'normaliseEnterpriseName', 'DEPARTMENTS', 'departmentReads', 'autoDecide', 'bankAccountNumber',
      'STEP_KINDS', 'stepKind', 'buildOutcome', 'mergeCorrectionItems', 'stepsToReopen', 'tripsRequired', 'sampleApplicationForm', 'DomainError',
      'INDUSTRY_VOCABULARY', 'divisionsIn', 'mailTrackingNumber',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });

  it('exports the engine\'s definition side', () => {
    for (const name of [
      'validateValue', 'schemaAt', 'personalDataPaths', 'evaluateCondition', 'conditionVars', 'FORM_RULES', 'checkFormRules',
      'checkForm', 'validateDefinition', 'PROCESS_DEFINITION_SCHEMA', 'feeLedgerFor', 'definitionChecksum', 'SHIPPED_DEFINITIONS',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });

  it('runs the whole happy path on the sample application', () => {
    const form = domain.sampleApplicationForm();
    const rules = { today: '2026-03-02', jurisdiction: domain.JISHOU_JURISDICTION, nameTaken: false };
    expect(domain.checkApplication(form, rules).violations).toEqual([]);
    const samr = domain.autoDecide('SAMR', form, { rules, enterpriseSequence: 1 });
    if (samr.decision !== 'COMPLETE') throw new Error('SAMR should complete');
    for (const d of ['PSB', 'TAX', 'HRSS', 'BANK'] as const) {
      expect(domain.autoDecide(d, form, { rules, uscc: samr.outputs.uscc }).decision).toBe('COMPLETE');
    }
    expect(domain.feeLedgerForApplication(form).applicantTotal).toBe('0.00');
    expect(domain.tripsRequired(form.delivery.method)).toBe(0);
  });
});
