import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { casesOf, fieldPaths, newApplicant, openTaskId, validForm, type CaseView, type ErrorBody } from './api-fixtures';

describe('Idempotency-Key on POST /api/applications', () => {
  let db: PgClient;

  beforeAll(async () => {
    db = await connectDatabase();
  });
  afterAll(() => db.end());

  it('makes one case of 20 concurrent identical requests with one key, and starts one workflow', async () => {
    const applicant = await newApplicant();
    const form = validForm();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => http<CaseView>('POST', '/applications', { token: applicant.token, body: form, headers: { 'Idempotency-Key': key } })),
    );
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(201));
    const ids = new Set(results.map((result) => result.body.id));
    expect(ids.size).toBe(1);
    const [caseId] = [...ids];

    expect(await casesOf(db, applicant.id)).toBe(1);
    const keys = await db.query(`SELECT case_id, request_hash FROM idempotency_keys WHERE owner_id = $1`, [applicant.id]);
    expect(keys.rows).toEqual([{ case_id: caseId, request_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    // One workflow: exactly one SAMR task, round 1.
    await openTaskId(db, caseId, 'SAMR');
    const tasks = await db.query(`SELECT id FROM tasks WHERE case_id = $1`, [caseId]);
    expect(tasks.rows).toEqual([{ id: `${caseId}.SAMR.1` }]);

    // Sent again later: the same case, 201 again.
    const later = await http<CaseView>('POST', '/applications', { token: applicant.token, body: form, headers: { 'Idempotency-Key': key } });
    expect(later.status).toBe(201);
    expect(later.body.id).toBe(caseId);

    const casesMade = await casesOf(db, applicant.id);
    const workflowsStarted = (await db.query(`SELECT count(DISTINCT workflow_id)::int AS n FROM cases WHERE applicant_id = $1`, [applicant.id])).rows[0].n as number;
    recordCheck({
      id: 'faults.duplicate-submission',
      section: 'Faults',
      check: 'Duplicate and concurrent submissions of one application',
      how: '20 identical POST /api/applications at once with one Idempotency-Key, then the same request again later',
      figures: {
        'requests sent': results.length + 1,
        'answered 201 with the same case': results.filter((result) => result.status === 201 && result.body.id === caseId).length + Number(later.body.id === caseId),
        'cases created': casesMade,
        'workflows started': workflowsStarted,
        'SAMR tasks opened': tasks.rows.length,
        'duplicates found': casesMade - 1 + (tasks.rows.length - 1),
      },
    });
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const applicant = await newApplicant();
    const form = validForm();
    const key = randomUUID();
    const first = await http<CaseView>('POST', '/applications', { token: applicant.token, body: form, headers: { 'Idempotency-Key': key } });
    const reordered = Object.fromEntries(Object.entries(form).reverse());
    const second = await http<CaseView>('POST', '/applications', { token: applicant.token, body: reordered, headers: { 'Idempotency-Key': key } });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
  });

  it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body, and creates nothing', async () => {
    const applicant = await newApplicant();
    const key = randomUUID();
    const first = await http<CaseView>('POST', '/applications', { token: applicant.token, body: validForm(), headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    const other = await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: validForm(), headers: { 'Idempotency-Key': key } });
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await casesOf(db, applicant.id)).toBe(1);
  });

  it('keeps keys per user: another applicant’s same key makes their own case', async () => {
    const [a, b] = await Promise.all([newApplicant(), newApplicant()]);
    const key = randomUUID();
    const form = validForm();
    const first = await http<CaseView>('POST', '/applications', { token: a.token, body: form, headers: { 'Idempotency-Key': key } });
    const second = await http<CaseView>('POST', '/applications', { token: b.token, body: { ...form, company: { ...form.company, name: validForm().company.name } }, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('creates separate cases without a key, and refuses a malformed key', async () => {
    const applicant = await newApplicant();
    const form = validForm();
    await http('POST', '/applications', { token: applicant.token, body: form });
    await http('POST', '/applications', { token: applicant.token, body: form });
    expect(await casesOf(db, applicant.id)).toBe(2);
    const bad = await http('POST', '/applications', { token: applicant.token, body: form, headers: { 'Idempotency-Key': 'x'.repeat(201) } });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad)).toEqual(['Idempotency-Key']);
    expect(await casesOf(db, applicant.id)).toBe(2);
  });
});
