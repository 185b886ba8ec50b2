import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import type { Client } from '@temporalio/client';
import { DEPARTMENTS } from '@onetrip/domain';
import { waitFor } from '../../scripts/stack/wait-for';
import { signIn, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, sampleForm, startCaseDirectly, tasksOf, testPolicy, useRealServers, waitForCaseStatus } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { countCasesIn, duplicateFigures, expectNoDuplicateWrites } from './fault-fixtures';

const allAuto = testPolicy({ modes: Object.fromEntries(DEPARTMENTS.map((department) => [department, 'AUTO'])) });
const OUTAGE = 'connect ECONNREFUSED tax-ukey-gateway:443';

interface StuckReason {
  reason: string;
  department?: string;
  attempts?: number;
  lastError?: string;
  summary: string;
}

describe("a department's system that fails", () => {
  const servers = useRealServers();
  let db: PgClient;
  let temporal: Client;
  let admin: SignedIn;
  beforeAll(async () => {
    ({ db, temporal } = servers);
    admin = await signIn('admin');
  });

  /** Starts an all-automatic case whose TAX system is down from the start (the outage is scoped to the case). */
  async function caseWithTaxDown(): Promise<string> {
    const caseId = randomUUID();
    await db.query(`INSERT INTO department_outages (department, scope, message) VALUES ('TAX', $1, $2)`, [caseId, OUTAGE]);
    await startCaseDirectly(db, temporal, sampleForm(), allAuto, undefined, caseId);
    return caseId;
  }

  async function taxAttempts(caseId: string, atLeast: number): Promise<number> {
    return waitFor(`TAX failing ${atLeast} times on ${caseId}`, async () => {
      const { rows } = await db.query(`SELECT attempts FROM step_failures WHERE case_id = $1 AND department = 'TAX'`, [caseId]);
      const attempts = (rows[0] as { attempts: number } | undefined)?.attempts ?? 0;
      return attempts >= atLeast ? attempts : undefined;
    });
  }

  it('for a while: the step retries until it is back, then the case completes once', async () => {
    const caseId = await caseWithTaxDown();
    const attemptsWhileDown = await taxAttempts(caseId, 2);
    await db.query(`DELETE FROM department_outages WHERE scope = $1`, [caseId]);

    await waitForCaseStatus(db, caseId, 'COMPLETED', 30_000);
    const tasks = await tasksOf(db, caseId);
    expect(tasks.map((task) => `${task.department}:${task.round}:${task.status}`).sort()).toEqual(['BANK:1:DONE', 'HRSS:1:DONE', 'PSB:1:DONE', 'SAMR:1:DONE', 'TAX:1:DONE']);
    // The success cleared the failure record: the case no longer shows as failing.
    const failuresLeft = (await db.query(`SELECT count(*)::int AS n FROM step_failures WHERE case_id = $1`, [caseId])).rows[0].n as number;
    expect(failuresLeft).toBe(0);
    const duplicates = await expectNoDuplicateWrites(db, [caseId]);

    recordCheck({
      id: 'faults.department-recovers',
      section: 'Faults',
      check: "A department's system fails for a while, then recovers",
      how: 'All-AUTO case with a TAX outage row; removed once step_failures shows at least 2 attempts; the activity retries on its own',
      figures: {
        'failed attempts before recovery': attemptsWhileDown,
        'cases finished': await countCasesIn(db, [caseId], 'COMPLETED'),
        'TAX tasks': tasks.filter((task) => task.department === 'TAX').length,
        'failure records left': failuresLeft,
        ...duplicateFigures(duplicates),
      },
    });
  });

  it("an admin's RETRY while an attempt is running waits for it, then says so instead of freezing the step", async () => {
    const caseId = await caseWithTaxDown();
    await taxAttempts(caseId, 2);
    // The next attempt fails on the outage and then blocks writing its failure record on this row lock, so it
    // stays running (STARTED) for as long as we hold it; no other case is touched.
    const gate = await connectDatabase();
    try {
      await gate.query('BEGIN');
      await gate.query(`SELECT 1 FROM step_failures WHERE case_id = $1 AND department = 'TAX' FOR UPDATE`, [caseId]);
      await waitFor('a TAX attempt running', async () => {
        const detail = await http<{ pendingActivities: { department?: string; state: string }[] }>('GET', `/admin/cases/${caseId}`, { token: admin.token });
        return detail.body.pendingActivities?.some((activity) => activity.department === 'TAX' && activity.state === 'STARTED') ? true : undefined;
      });
      const retried = await http<{ code: string }>('POST', `/admin/cases/${caseId}/actions`, { token: admin.token, body: { action: 'RETRY', department: 'TAX', reason: 'during an attempt' } });
      // A reset sent now would be deferred by Temporal and the running attempt's failure dropped: the step
      // would sit until its start-to-close timeout.
      expect(retried.status).toBe(409);
      expect(retried.body.code).toBe('STEP_ATTEMPT_RUNNING');
      await db.query(`DELETE FROM department_outages WHERE scope = $1`, [caseId]);
    } finally {
      await gate.query('ROLLBACK');
      await gate.end();
    }
    // Released, the attempt ends and the step runs on by itself (backoff of a few seconds, far below 30 s).
    await waitForCaseStatus(db, caseId, 'COMPLETED', 25_000);
  });

  it('for good: the case shows in the stuck listing with the failing step, its attempts and error', async () => {
    const caseId = await caseWithTaxDown();
    try {
      const attempts = await taxAttempts(caseId, 2);
      const listed: { caseId: string; reasons: StuckReason[] }[] = [];
      for (let page = 1; ; page++) {
        const result = await http<{ items: { caseId: string; reasons: StuckReason[] }[]; total: number }>(
          'GET',
          `/admin/cases?stuck=true&reason=STEP_FAILING&department=TAX&limit=100&page=${page}`,
          { token: admin.token },
        );
        expect(result.status).toBe(200);
        listed.push(...result.body.items);
        if (listed.length >= result.body.total || result.body.items.length === 0) break;
      }
      const reasons = listed.find((item) => item.caseId === caseId)?.reasons ?? [];
      expect(reasons.map((reason) => `${reason.reason}:${reason.department}`)).toEqual(['STEP_FAILING:TAX']);
      expect(reasons[0].attempts).toBeGreaterThanOrEqual(attempts);
      expect(reasons[0].lastError).toContain('ECONNREFUSED');
      expect(reasons[0].summary).toMatch(/^TAX: runAutomaticStep failing since/);
      const otherSteps = (await tasksOf(db, caseId)).filter((task) => task.department !== 'TAX').map((task) => task.status);
      expect(otherSteps).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);

      recordCheck({
        id: 'faults.department-never-recovers',
        section: 'Faults',
        check: "A department's system that never recovers is listed as stuck",
        how: 'All-AUTO case with a TAX outage row left in place; GET /api/admin/cases?stuck=true&reason=STEP_FAILING&department=TAX',
        figures: {
          'failed attempts recorded': attempts,
          'attempts shown in the listing': reasons[0].attempts ?? 0,
          'reasons listed': reasons.map((reason) => `${reason.reason}:${reason.department}`).join(', '),
          'other steps finished meanwhile': otherSteps.length,
        },
      });
    } finally {
      // Leave nothing retrying for the rest of the run.
      const cancelled = await http('POST', `/admin/cases/${caseId}/actions`, { token: admin.token, body: { action: 'CANCEL', reason: 'test over' } });
      expect(cancelled.status).toBe(200);
      await db.query(`DELETE FROM department_outages WHERE scope = $1`, [caseId]);
    }
  });
});
