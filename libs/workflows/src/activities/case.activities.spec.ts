import { sampleApplicationForm, type ApplicationForm } from '@onetrip/domain';
import { ENTERPRISE_OPENING_V1 } from '@onetrip/domain/processes/shipped-definitions';
import type { ProcessDefinition } from '@onetrip/domain/engine/process-definition';
import { createCaseActivities } from './case.activities';
import type { CaseRecord, CaseStore, PendingCorrection, TaskDecisionRecord, TaskRecord } from './case.ports';

// The activities with an in-memory store: the step's kind and reads come from the case's definition when
// processWorkflow names the step; caseWorkflow's calls (no step id) go by department as before.

const form = sampleApplicationForm();
const definition: ProcessDefinition = {
  ...ENTERPRISE_OPENING_V1,
  key: 'with-review',
  steps: [
    ...ENTERPRISE_OPENING_V1.steps,
    { ...ENTERPRISE_OPENING_V1.steps[1], id: 'FIRE', department: 'FIRE', kind: 'review', dependsOn: ['SAMR'], when: { '==': [{ var: 'tax.ukey' }, true] } },
  ],
};

function setUp() {
  const decisions: TaskDecisionRecord[] = [];
  let caseForm: ApplicationForm = form;
  const correction: PendingCorrection = { id: 'c1', round: 1, status: 'PENDING', changes: { 'tax.ukey': false }, changedPaths: null };
  const record = (): CaseRecord => ({
    id: 'case-1',
    applicantId: 'u1',
    status: 'IN_PROGRESS',
    form: caseForm,
    policy: { rules: { jurisdiction: { divisionCode: '433101', name: '吉首市' }, forbiddenWords: [] } } as unknown as CaseRecord['policy'],
    uscc: null,
    correctionRound: 1,
    process: { key: definition.key, version: definition.version },
  });
  // Each read the activities make (a round trip each in PostgreSQL), and the task as stored: decided once written.
  const reads: string[] = [];
  let stored: TaskRecord | null = null;
  const cases: Partial<CaseStore> = {
    getCase: async () => {
      reads.push('getCase');
      return record();
    },
    getTask: async () => {
      reads.push('getTask');
      return stored;
    },
    getCaseWithTask: async () => {
      reads.push('getCaseWithTask');
      return { record: record(), task: stored };
    },
    nextEnterpriseSequence: async () => {
      reads.push('nextEnterpriseSequence');
      return 7;
    },
    saveDecision: async (decision) => {
      if (stored) return false;
      decisions.push(decision);
      const [caseId, stepId, round] = decision.taskId.split('.');
      stored = { id: decision.taskId, caseId, department: stepId, stepId, round: Number(round), status: decision.status, outputs: decision.outputs ?? null };
      return true;
    },
    getCorrection: async () => correction,
    saveCorrection: async (_caseId, applied) => {
      caseForm = applied.form;
      correction.status = 'APPLIED';
      correction.changedPaths = applied.changedPaths;
    },
  };
  const requested: string[] = [];
  const activities = createCaseActivities({
    cases: cases as CaseStore,
    notifier: { notify: async () => undefined },
    decisions: { problem: () => null, commandProblem: () => null },
    definitions: {
      get: async (key, version) => {
        requested.push(`${key}@${version}`);
        return definition;
      },
    },
  });
  return { activities, decisions, requested, reads };
}

const decision = { caseId: 'case-1', actorId: 'clerk', decision: 'COMPLETE' as const, decidedAt: new Date().toISOString() };

describe('case activities for processWorkflow (by step id)', () => {
  it("a review step issues exactly the clerk's outputs, looked up in the case's pinned definition", async () => {
    const { activities, decisions, requested } = setUp();
    const result = await activities.recordDecision({ ...decision, taskId: 'case-1.FIRE.1', department: 'FIRE', stepId: 'FIRE', outputs: { certificate: 'XF-1' } });
    expect(result).toEqual({ taskId: 'case-1.FIRE.1', department: 'FIRE', stepId: 'FIRE', status: 'DONE', outputs: { certificate: 'XF-1' } });
    expect(decisions[0]).toMatchObject({ status: 'DONE', outputs: { certificate: 'XF-1' } });
    expect(decisions[0].licence).toBeUndefined();
    expect(requested).toEqual(['with-review@1']);
  });

  it('the licence step by its id issues the USCC and registers the name, as by department', async () => {
    const { activities, decisions } = setUp();
    const byStep = await activities.recordDecision({ ...decision, taskId: 'case-1.SAMR.1', department: 'SAMR', stepId: 'SAMR' });
    const byDepartment = await setUp().activities.recordDecision({ ...decision, taskId: 'case-1.SAMR.1', department: 'SAMR' });
    expect(byStep.outputs).toEqual(byDepartment.outputs);
    expect(byDepartment).not.toHaveProperty('stepId');
    expect(decisions[0].licence).toEqual({ enterpriseName: form.company.name, uscc: byStep.outputs?.uscc });
  });

  it("a clerk's completion reads the case and its task in one round trip, and a retry answers the first decision", async () => {
    const { activities, decisions, reads } = setUp();
    const first = await activities.recordDecision({ ...decision, taskId: 'case-1.SAMR.1', department: 'SAMR', stepId: 'SAMR' });
    expect(reads).toEqual(['getCaseWithTask', 'nextEnterpriseSequence']);
    reads.length = 0;
    // A retry after the write (the local activity's answer lost): the first outputs, no second enterprise number.
    expect(await activities.recordDecision({ ...decision, taskId: 'case-1.SAMR.1', department: 'SAMR', stepId: 'SAMR' })).toEqual(first);
    expect(reads).toEqual(['getCaseWithTask']);
    expect(decisions).toHaveLength(1);
  });

  it('a return or a refusal writes without reading first; a retry reads the first answer', async () => {
    const { activities, decisions, reads } = setUp();
    const returning = { ...decision, decision: 'RETURN' as const, items: [{ field: 'company.name', reason: 'unclear' }], taskId: 'case-1.SAMR.1', department: 'SAMR', stepId: 'SAMR' };
    expect(await activities.recordDecision(returning)).toMatchObject({ status: 'RETURNED' });
    expect(reads).toEqual([]);
    // The retry's write finds the task decided (saveDecision answers false) and reads what was written.
    expect(await activities.recordDecision({ ...returning, decision: 'REJECT', reason: 'late' })).toMatchObject({ status: 'RETURNED' });
    expect(reads).toEqual(['getTask']);
    expect(decisions.map((written) => written.status)).toEqual(['RETURNED']);
  });

  it('a step after the licence cannot complete before it (LICENCE_REQUIRED), by step id too', async () => {
    const { activities } = setUp();
    await expect(activities.recordDecision({ ...decision, taskId: 'case-1.TAX.1', department: 'TAX', stepId: 'TAX' })).rejects.toMatchObject({ type: 'LICENCE_REQUIRED' });
  });

  it('a step the definition lacks fails for good (STEP_UNKNOWN)', async () => {
    const { activities } = setUp();
    await expect(activities.recordDecision({ ...decision, taskId: 'case-1.X.1', department: 'X', stepId: 'X' })).rejects.toMatchObject({ type: 'STEP_UNKNOWN', nonRetryable: true });
  });

  it("applyCorrection answers the steps the corrected form no longer needs when asked (processWorkflow), and nothing more for caseWorkflow's call", async () => {
    const first = setUp();
    expect(await first.activities.applyCorrection({ caseId: 'case-1', correctionId: 'c1', round: 1, conditions: true })).toEqual({ changedPaths: ['tax.ukey'], skipped: ['FIRE'] });
    // A retry finds it applied and answers the same from the stored form.
    expect(await first.activities.applyCorrection({ caseId: 'case-1', correctionId: 'c1', round: 1, conditions: true })).toEqual({ changedPaths: ['tax.ukey'], skipped: ['FIRE'] });
    expect(await setUp().activities.applyCorrection({ caseId: 'case-1', correctionId: 'c1', round: 1 })).toEqual({ changedPaths: ['tax.ukey'] });
  });
});

describe('shipByMail: free mail through the postal system (政务专递)', () => {
  function postal(answers: string[]) {
    const shipped: { shipmentId: string; licenseNumber: string; recipient: { name: string; address: string } }[] = [];
    const stored = new Map<string, string>();
    const cases: Partial<CaseStore> = {
      getCase: async () => ({ id: 'case-9', applicantId: 'u1', status: 'COMPLETED', form, policy: {} as CaseRecord['policy'], uscc: null, correctionRound: 1, process: { key: 'enterprise-opening', version: 1 } }),
      shipmentOf: async (caseId) => ({ licenseNumber: '433101000000123', trackingNumber: stored.get(caseId) ?? null }),
      // The first number kept stays (one shipment per case).
      recordShipment: async (caseId, trackingNumber) => {
        if (!stored.has(caseId)) stored.set(caseId, trackingNumber);
        return stored.get(caseId)!;
      },
    };
    const activities = createCaseActivities({
      cases: cases as CaseStore,
      notifier: { notify: async () => undefined },
      decisions: { problem: () => null, commandProblem: () => null },
      systems: {
        postal: true,
        submit: async () => ({ status: 'ACCEPTED' }),
        ship: async (request) => {
          shipped.push(request);
          return { trackingNumber: answers[shipped.length - 1] ?? answers[answers.length - 1] };
        },
      },
    });
    return { activities, shipped, stored };
  }

  it('hands the case over once, keyed by the case, and keeps the S10 number the postal system issued', async () => {
    const { activities, shipped, stored } = postal(['EA473124829CN']);
    expect(await activities.shipByMail({ caseId: 'case-9' })).toEqual({ trackingNumber: 'EA473124829CN' });
    expect(shipped).toEqual([expect.objectContaining({ shipmentId: 'case-9', caseId: 'case-9', licenseNumber: '433101000000123', recipient: expect.objectContaining({ name: form.legalRepresentative.name }) })]);
    // A retried activity (after its write) asks the post nothing more.
    expect(await activities.shipByMail({ caseId: 'case-9' })).toEqual({ trackingNumber: 'EA473124829CN' });
    expect(shipped).toHaveLength(1);
    expect(stored.get('case-9')).toBe('EA473124829CN');
  });

  it('refuses an item number whose check digit is wrong (retried, nothing stored)', async () => {
    const { activities, stored } = postal(['EA473124828CN']);
    await expect(activities.shipByMail({ caseId: 'case-9' })).rejects.toThrow(/not S10/);
    expect(stored.size).toBe(0);
  });

  it('sends nothing without a postal system', async () => {
    const activities = createCaseActivities({ cases: {} as CaseStore, notifier: { notify: async () => undefined }, decisions: { problem: () => null, commandProblem: () => null } });
    expect(await activities.shipByMail({ caseId: 'case-9' })).toEqual({ trackingNumber: null });
  });
});
