import { DEFAULT_CALENDAR, DEPARTMENTS, feeLedgerForApplication, maskIdNumber, maskMobile, sampleApplicationForm, type ProcessDefinition } from '@onetrip/domain';
import { SHIPPED_DEFINITIONS } from '@onetrip/domain/processes/shipped-definitions';
import { correctionFields, isTaskOverdue, toCaseView, toSteps, type CaseViewSource, type StepTaskSource } from './case-view.mapper';

const NOW = new Date('2026-03-02T04:00:00Z');
const form = sampleApplicationForm();
const opening = SHIPPED_DEFINITIONS.find((definition: ProcessDefinition) => definition.key === 'enterprise-opening') as ProcessDefinition;

function caseRow(overrides: Partial<CaseViewSource> = {}): CaseViewSource {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    status: 'IN_PROGRESS',
    submittedAt: new Date('2026-03-02T01:00:00Z'),
    completedAt: null,
    correctionRound: 0,
    correction: null,
    outcome: null,
    fees: feeLedgerForApplication(form),
    endReason: null,
    flags: [],
    form,
    process: { key: 'enterprise-opening', version: 1 },
    ...overrides,
  };
}

function task(department: string, overrides: Partial<StepTaskSource> = {}): StepTaskSource {
  return { stepId: department, department, round: 1, status: 'OPEN', dueAt: new Date('2026-03-02T05:00:00Z'), overdueAt: null, decidedAt: null, outputs: null, ...overrides };
}

describe('toSteps', () => {
  it('always lists the five departments in order, PENDING without a task', () => {
    const steps = toSteps(opening, [task('TAX')], form, NOW);
    expect(steps.map((step) => step.department)).toEqual([...DEPARTMENTS]);
    expect(steps.map((step) => step.status)).toEqual(['PENDING', 'PENDING', 'OPEN', 'PENDING', 'PENDING']);
    expect(steps[0]).toEqual({ stepId: 'SAMR', name: opening.steps[0].name, department: 'SAMR', dependsOn: [], status: 'PENDING', overdue: false });
  });

  it('counts the time left of an open step in working minutes of the case calendar, not clock minutes', () => {
    // Friday 2026-03-06 17:00 Shanghai (09:00Z) to Monday 10:00 (02:00Z): 65 clock hours, 90 working minutes.
    const friday = new Date('2026-03-06T09:00:00Z');
    const [samr] = toSteps(opening, [task('SAMR', { dueAt: new Date('2026-03-09T02:00:00Z') })], form, friday, DEFAULT_CALENDAR);
    expect(samr.workingMinutesLeft).toBe(90);
    // Without a calendar (an old case's policy) or past its limit, nothing is claimed.
    expect(toSteps(opening, [task('SAMR')], form, NOW)[0].workingMinutesLeft).toBeUndefined();
    expect(toSteps(opening, [task('SAMR', { dueAt: new Date('2026-03-02T03:00:00Z') })], form, NOW, DEFAULT_CALENDAR)[0].workingMinutesLeft).toBeUndefined();
  });

  it('shows the latest round of each department', () => {
    const steps = toSteps(
      opening,
      [
        task('SAMR', { round: 2, status: 'OPEN' }),
        task('SAMR', { round: 1, status: 'RETURNED', decidedAt: new Date('2026-03-02T02:00:00Z') }),
        task('BANK', { round: 1, status: 'DONE', decidedAt: new Date('2026-03-02T03:00:00Z'), outputs: { accountNumber: '6222020200112233445' } }),
      ],
      form,
      NOW,
    );
    expect(steps[0]).toMatchObject({ status: 'OPEN', round: 2, dueAt: '2026-03-02T05:00:00.000Z' });
    expect(steps[4]).toEqual({
      stepId: 'BANK',
      name: opening.steps[4].name,
      department: 'BANK',
      dependsOn: opening.steps[4].dependsOn,
      status: 'DONE',
      round: 1,
      overdue: false,
      completedAt: '2026-03-02T03:00:00.000Z',
      outputs: { accountNumber: '6222020200112233445' },
    });
  });

  it('is overdue only while open or claimed, when escalated or past due', () => {
    const past = new Date('2026-03-02T03:59:59Z');
    expect(isTaskOverdue({ status: 'OPEN', dueAt: past, overdueAt: null }, NOW)).toBe(true);
    expect(isTaskOverdue({ status: 'CLAIMED', dueAt: new Date('2026-03-03T00:00:00Z'), overdueAt: past }, NOW)).toBe(true);
    expect(isTaskOverdue({ status: 'CLAIMED', dueAt: new Date('2026-03-03T00:00:00Z'), overdueAt: null }, NOW)).toBe(false);
    expect(isTaskOverdue({ status: 'DONE', dueAt: past, overdueAt: past }, NOW)).toBe(false);
    expect(isTaskOverdue({ status: 'RETURNED', dueAt: past, overdueAt: null }, NOW)).toBe(false);
  });
});

describe('toCaseView', () => {
  it('shows fees with money as strings and the applicant paying 0.00', () => {
    const view = toCaseView(caseRow(), opening, [], { now: NOW, includeForm: false });
    expect(view.fees.applicantTotal).toBe('0.00');
    expect(view.fees.borneByOthers).toMatch(/^\d+\.\d{2}$/);
    expect(view.fees.items.length).toBeGreaterThan(0);
    for (const item of view.fees.items) {
      expect(item.amount).toMatch(/^\d+\.\d{2}$/);
      expect(Object.keys(item).sort()).toEqual(expect.arrayContaining(['amount', 'code', 'description', 'payer']));
    }
  });

  it('gives the form to its owner only', () => {
    expect(toCaseView(caseRow(), opening, [], { now: NOW, includeForm: true }).form).toEqual(form);
    const forAdmin = toCaseView(caseRow(), opening, [], { now: NOW, includeForm: false });
    expect(forAdmin.form).toBeUndefined();
    expect(JSON.stringify(forAdmin)).not.toContain(form.legalRepresentative.idNumber);
  });

  it('masks ID numbers and mobiles in a list, in the form and in clerks\' free text, and keeps the rest', () => {
    const { idNumber, mobile } = form.legalRepresentative;
    const correction = { round: 1, items: [{ department: 'SAMR', field: 'legalRepresentative.mobile', reason: `${mobile} 无法接通` }] };
    const row = caseRow({ status: 'AWAITING_CORRECTION', correctionRound: 1, correction, endReason: `身份证 ${idNumber}` });
    const listed = toCaseView(row, opening, [], { now: NOW, includeForm: true, listed: true });
    expect(JSON.stringify(listed)).not.toContain(idNumber);
    expect(JSON.stringify(listed)).not.toContain(mobile);
    expect(listed.form?.company.name).toBe(form.company.name);
    expect(listed.form?.legalRepresentative).toEqual({ name: form.legalRepresentative.name, idNumber: maskIdNumber(idNumber), mobile: maskMobile(mobile) });
    expect(listed.correction?.items[0].reason).toBe(`${maskMobile(mobile)} 无法接通`);
    // The case's own page, for its owner, shows them whole.
    const own = toCaseView(row, opening, [], { now: NOW, includeForm: true });
    expect(own.form).toEqual(form);
    expect(own.endReason).toBe(`身份证 ${idNumber}`);
  });

  it('shows the correction notice only while awaiting correction', () => {
    const correction = {
      round: 1,
      items: [
        { department: 'SAMR', field: 'legalRepresentative.idNumber', reason: 'check digit', code: 'X' },
        { department: 'NOPE', reason: 'ignored: no field' },
      ],
    };
    const waiting = toCaseView(caseRow({ status: 'AWAITING_CORRECTION', correctionRound: 1, correction }), opening, [], { now: NOW, includeForm: false });
    expect(waiting.correction).toEqual({ round: 1, items: [{ department: 'SAMR', field: 'legalRepresentative.idNumber', reason: 'check digit' }] });
    expect(toCaseView(caseRow({ correction }), opening, [], { now: NOW, includeForm: false }).correction).toBeUndefined();
    expect(correctionFields(correction)).toEqual(['legalRepresentative.idNumber']);
    expect(correctionFields(null)).toEqual([]);
  });

  it('passes the stored outcome, end reason, completion time and flags through; leaves out what is absent', () => {
    const outcome = { uscc: '91433101MA4L0000X1', licenseNumber: '4331010000000001000', seals: [], delivery: { method: 'FREE_MAIL', tripsRequired: 0 } };
    const view = toCaseView(
      caseRow({
        status: 'COMPLETED',
        completedAt: new Date('2026-03-02T03:30:00Z'),
        outcome,
        flags: [{ path: 'shareholders[1].uscc', code: 'USCC_CHECK_FAILED', message: 'verify' }],
      }),
      opening,
      [],
      { now: NOW, includeForm: false },
    );
    expect(view.outcome).toEqual(outcome);
    expect(view.completedAt).toBe('2026-03-02T03:30:00.000Z');
    expect(view.flags).toEqual([{ path: 'shareholders[1].uscc', code: 'USCC_CHECK_FAILED', message: 'verify' }]);
    const plain = toCaseView(caseRow(), opening, [], { now: NOW, includeForm: false });
    expect(Object.keys(plain).sort()).toEqual(['fees', 'id', 'process', 'status', 'steps', 'submittedAt']);
    expect(toCaseView(caseRow({ status: 'CANCELLED', endReason: 'changed plans' }), opening, [], { now: NOW, includeForm: false }).endReason).toBe('changed plans');
  });
});

describe('steps of any definition', () => {
  const definition: ProcessDefinition = {
    ...opening,
    key: 'restaurant-opening',
    steps: [
      { ...opening.steps[0], id: 'licence', department: 'SAMR', dependsOn: [] },
      { ...opening.steps[0], id: 'fire', department: 'FIRE', dependsOn: ['licence'], when: { '==': [{ var: 'venue.seats' }, 100] } },
      { ...opening.steps[0], id: 'food', department: 'SAMR', dependsOn: ['licence'] },
    ],
  };

  it("lists the definition's steps by id, with names and dependencies; a step the form does not need is SKIPPED", () => {
    const steps = toSteps(definition, [task('licence', { status: 'DONE', decidedAt: NOW }), task('food', { stepId: 'food', department: 'SAMR' })], { venue: { seats: 20 } }, NOW);
    expect(steps.map((step) => [step.stepId, step.department, step.status])).toEqual([
      ['licence', 'SAMR', 'DONE'],
      ['fire', 'FIRE', 'SKIPPED'],
      ['food', 'SAMR', 'OPEN'],
    ]);
    expect(steps[1].dependsOn).toEqual(['licence']);
    // Needed when the condition holds: PENDING until it opens.
    expect(toSteps(definition, [], { venue: { seats: 100 } }, NOW)[1].status).toBe('PENDING');
  });
});
