import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
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
