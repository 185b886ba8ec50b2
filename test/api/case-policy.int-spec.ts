import type { Client as PgClient } from 'pg';
import { isValidUscc } from '@onetrip/domain';
import type { AppProcess } from '../../scripts/stack/app-process';
import { startApp } from '../../scripts/stack/app-process';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { startApi, testStack } from '../support/test-stack';
import { newApplicant, openTaskId, signIn, validForm, waitForView, type CaseView } from './api-fixtures';

describe('the case policy comes from the API’s settings and is fixed into each case', () => {
  let db: PgClient;
  const started: AppProcess[] = [];

  beforeAll(async () => {
    db = await connectDatabase();
  });
  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop()));
    await db.end();
  });

  it('runs a case on its own when every department is AUTO (即来即办)', async () => {
    const api = await startApi({ CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS' }, 'api-auto');
    started.push(api.app);
    const applicant = await newApplicant(api.url);
    const filed = await http<CaseView>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl: api.url });
    expect(filed.status).toBe(201);

    const policy = (await db.query(`SELECT policy FROM cases WHERE id = $1`, [filed.body.id])).rows[0].policy;
    expect(policy.modes).toEqual({ SAMR: 'AUTO', PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'AUTO' });
    expect(policy.calendar).toEqual({ kind: 'ALWAYS' });

    // Read through the main API: the view comes from PostgreSQL, whichever API filed the case.
    const done = await waitForView(applicant.token, filed.body.id, 'COMPLETED', (view) => view.status === 'COMPLETED');
    expect(isValidUscc(String(done.outcome?.uscc))).toBe(true);
    expect(done.steps.map((step) => step.status)).toEqual(['DONE', 'DONE', 'DONE', 'DONE', 'DONE']);
  });

  it('shows a step overdue once its (tiny, 24x7) time limit has passed', async () => {
    const api = await startApi({ CASE_CALENDAR: 'ALWAYS', CASE_TIME_LIMIT_MINUTES: '*=0.02,BANK=5', CASE_REMINDER_LEAD_MINUTES: '0.01' }, 'api-tiny-limits');
    started.push(api.app);
    const applicant = await newApplicant(api.url);
    const filed = await http<CaseView>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl: api.url });
    expect(filed.status).toBe(201);
    const policy = (await db.query(`SELECT policy FROM cases WHERE id = $1`, [filed.body.id])).rows[0].policy;
    expect(policy.timeLimitMinutes).toEqual({ SAMR: 0.02, PSB: 0.02, TAX: 0.02, HRSS: 0.02, BANK: 5 });

    const overdue = await waitForView(applicant.token, filed.body.id, 'SAMR overdue', (view) => view.steps[0].overdue);
    expect(overdue.steps[0].status).toBe('OPEN');
    const clerk = await signIn('clerk-samr');
    const task = await http<{ caseId: string; overdue: boolean }>('GET', `/tasks/${await openTaskId(db, filed.body.id, 'SAMR')}`, { token: clerk.token });
    expect(task.body).toMatchObject({ caseId: filed.body.id, overdue: true });
  });

  it('refuses to start with a bad policy setting, naming the variable', async () => {
    const lines: string[] = [];
    const app = startApp({
      name: 'api',
      env: { DATABASE_URL: testStack().databaseUrl, TEMPORAL_ADDRESS: testStack().temporalAddress, API_PORT: '0', CASE_TIME_LIMIT_MINUTES: 'SAMR=0' },
      log: (line) => lines.push(line),
    });
    expect(await app.exited).toBe(1);
    expect(lines.join('\n')).toContain('CASE_TIME_LIMIT_MINUTES');
  });
});
