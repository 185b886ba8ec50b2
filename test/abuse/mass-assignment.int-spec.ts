import type { Client as PgClient } from 'pg';
import { casesOf, fieldPaths, fileCase, newApplicant, newClerk, openTaskId, validForm, waitForView, type SignedIn } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';

// Fields the server owns, offered by the caller: each must be refused with a 400 that names it, and
// nothing written. Controls: the same bodies without the extra field are accepted.

const SERVER_OWNED: Record<string, unknown> = {
  id: '00000000-0000-4000-8000-000000000001',
  status: 'COMPLETED',
  applicantId: '00000000-0000-4000-8000-000000000002',
  filedById: '00000000-0000-4000-8000-000000000003',
  outputs: { uscc: '91433101MA4L000000' },
  fees: { applicantTotal: '0.00' },
  uscc: '91433101MA4L000000',
  outcome: { licence: 'forged' },
  correctionRound: 9,
  submittedAt: '2020-01-01T00:00:00Z',
  decidedBy: 'admin',
  round: 7,
};

describe('mass assignment: server-owned fields in request bodies', () => {
  let db: PgClient;
  let applicant: SignedIn;
  let samr: SignedIn;
  let caseId: string;
  let taskId: string;
  const accepted: string[] = [];
  let refusals = 0;

  beforeAll(async () => {
    db = await connectDatabase();
    [applicant, samr] = await Promise.all([newApplicant(), newClerk(db, 'SAMR')]);
    caseId = (await fileCase(applicant.token)).id;
    taskId = await openTaskId(db, caseId, 'SAMR');
  });
  afterAll(() => db.end());

  /** What a refused request must leave alone: the case, its tasks and corrections, the audit trail. */
  async function caseState(): Promise<unknown> {
    const [cases, tasks, corrections, audit] = await Promise.all([
      db.query(`SELECT status, form, fees, outcome, correction_round, correction FROM cases WHERE id = $1`, [caseId]),
      db.query(`SELECT id, status, outputs, claimed_by_id, decided_at FROM tasks WHERE case_id = $1 ORDER BY id`, [caseId]),
      db.query(`SELECT id, status, changes FROM corrections WHERE case_id = $1 ORDER BY id`, [caseId]),
      db.query(`SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1`, [caseId]),
    ]);
    return { cases: cases.rows, tasks: tasks.rows, corrections: corrections.rows, audit: audit.rows };
  }

  async function expectRefused(route: string, path: string, body: unknown, token: string, field: string): Promise<void> {
    const result = await http('POST', path, { token, body });
    refusals += 1;
    if (result.status !== 400 || !fieldPaths(result).includes(field)) accepted.push(`${route} with ${field}: ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
  }

  it('refuses them in the form, and files no case', async () => {
    const before = await casesOf(db, applicant.id);
    for (const [field, value] of Object.entries(SERVER_OWNED)) {
      await expectRefused('POST /applications', '/applications', { ...validForm(), [field]: value }, applicant.token, field);
    }
    // Nested too: a server-owned field inside a part of the form.
    const nested = validForm() as unknown as { company: Record<string, unknown> };
    nested.company.uscc = SERVER_OWNED.uscc;
    await expectRefused('POST /applications', '/applications', nested, applicant.token, 'company.uscc');
    expect(accepted).toEqual([]);
    expect(await casesOf(db, applicant.id)).toBe(before);
  });

  it('refuses them in clerks’ decisions, and the task stays open', async () => {
    const before = await caseState();
    for (const [field, value] of Object.entries(SERVER_OWNED)) {
      if (field === 'outputs') continue; // a documented part of a completion (checked as a flat object of strings)
      await expectRefused('complete', `/tasks/${taskId}/complete`, { outputs: { licenceNumber: 'L-1' }, [field]: value }, samr.token, field);
      await expectRefused('return', `/tasks/${taskId}/return`, { items: [{ field: 'company.name', reason: 'x' }], [field]: value }, samr.token, field);
      await expectRefused('reject', `/tasks/${taskId}/reject`, { reason: 'x', [field]: value }, samr.token, field);
    }
    await expectRefused('return', `/tasks/${taskId}/return`, { items: [{ field: 'company.name', reason: 'x', status: 'DONE' }] }, samr.token, 'items[0].status');
    expect(accepted).toEqual([]);
    expect(await caseState()).toEqual(before);
  });

  it('refuses them in a correction, top level or as a changed field, and stores nothing', async () => {
    // Control first, and the way to a correction notice: the same decision without extra fields is accepted.
    const returned = await http('POST', `/tasks/${taskId}/return`, { token: samr.token, body: { items: [{ field: 'company.address.detail', reason: '门牌号不符' }] } });
    expect(returned.status).toBe(200);
    await waitForView(applicant.token, caseId, 'the correction notice', (view) => view.status === 'AWAITING_CORRECTION');
    const before = await caseState();
    const change = { 'company.address.detail': '乾州街道世纪大道99号' };
    for (const [field, value] of Object.entries(SERVER_OWNED)) {
      await expectRefused('correction', `/applications/${caseId}/corrections`, { changes: change, [field]: value }, applicant.token, field);
      await expectRefused('correction', `/applications/${caseId}/corrections`, { changes: { ...change, [field]: value } }, applicant.token, field);
    }
    expect(accepted).toEqual([]);
    expect(await caseState()).toEqual(before);
    // Control: the correction itself is accepted.
    const corrected = await http('POST', `/applications/${caseId}/corrections`, { token: applicant.token, body: { changes: change } });
    expect(corrected.status).toBe(200);
    recordCheck({
      id: 'abuse.mass-assignment',
      section: 'Bad input and abuse',
      check: 'Server-owned fields (status, applicantId, outputs, id, fees, uscc, …) in the form, decisions and corrections refused with 400 naming the field; nothing written',
      how: 'each field added to an otherwise valid body; case, tasks, corrections and audit compared; the bodies without it accepted',
      figures: { 'server-owned fields tried': Object.keys(SERVER_OWNED).length, 'requests refused': refusals, 'accepted or not naming the field': accepted.length, 'controls accepted': [returned, corrected].filter((r) => r.status === 200).length },
    });
  });
});
