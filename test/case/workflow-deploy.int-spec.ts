import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { caseWorkflowId, decideTaskUpdate } from '@onetrip/workflows/contracts';
import type { Department } from '@onetrip/domain';
import { waitFor } from '../../scripts/stack/wait-for';
import { connectDatabase, sampleForm, signedDecision, startProcessCaseDirectly, tasksOf, testPolicy, useRealServers, waitForCaseStatus, waitForOpenTasks, type TaskRow } from '../support/case-fixtures';
import { recordCheck } from '../support/scorecard';
import { startWorker, testStack } from '../support/test-stack';

// A deploy of changed workflow code onto cases in flight, the way docs/operations.md ("Deploying new workflow
// code") says to ship it: the next release's worker runs a prebuilt bundle whose processWorkflow has a change
// behind patched(); the cases the old release started finish on the new one, new cases take the new path.

const PATCH = 'test-deploy-v2';
// processWorkflow's first statement in the bundle (tsc's output, bundled as the image does it); `workflow_1` is
// its binding of @temporalio/workflow.
const START = 'async function processWorkflow(input) {\n    const { caseId, policy } = input;';

/**
 * The next release's bundle: the run's prebuilt bundle (the current release) with processWorkflow's first command
 * now a memo, a command the old release never issued, behind patched() as the house rule says. The edit goes into
 * the bundle rather than the sources (a second webpack run would cost this test ~10 s of CPU; the replay spec
 * bundles such variants from edited sources), on the same line so the bundle's source map still holds.
 * The same change without patched() fails the first decision of every case in flight on the new release (a
 * non-determinism error; shown by hand when this test was written, not kept as code).
 */
function nextRelease(bundle: string): string {
  const memo = `(0, workflow_1.upsertMemo)({ deployedCode: 'v2' });`;
  const change = `if ((0, workflow_1.patched)('${PATCH}')) ${memo}`;
  const first = bundle.indexOf(START);
  if (first < 0 || bundle.indexOf(START, first + 1) >= 0) throw new Error(`expected processWorkflow's first statement once in the bundle: ${START}`);
  return bundle.replace(START, () => `${START} ${change}`);
}

const FOUR: Department[] = ['PSB', 'TAX', 'HRSS', 'BANK'];

/** A case of this test, with a database connection of its own (the cases are driven side by side). */
interface InFlight {
  caseId: string;
  applicantId: string;
  db: PgClient;
}

describe('a deploy of changed workflow code with cases in flight', () => {
  const servers = useRealServers();
  let temporal: Client;
  const connections: PgClient[] = [];
  beforeAll(() => {
    ({ temporal } = servers);
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.end()));
  });

  /** Files a MANUAL enterprise opening on `taskQueue`, with a connection of its own. */
  async function file(taskQueue: string): Promise<InFlight> {
    const db = await connectDatabase();
    connections.push(db);
    return { ...(await startProcessCaseDirectly(db, temporal, sampleForm(), testPolicy(), randomUUID(), taskQueue)), db };
  }

  /** The workflow task failures in a case's history (a non-determinism error shows as one), as `cause: message`. */
  async function failedTasks(handle: WorkflowHandle): Promise<string[]> {
    const { events } = await handle.fetchHistory();
    return (events ?? []).flatMap((event) => {
      const failed = event.workflowTaskFailedEventAttributes;
      return failed ? [`${proto.api.enums.v1.WorkflowTaskFailedCause[failed.cause ?? 0]}: ${failed.failure?.message ?? ''}`] : [];
    });
  }

  /** A clerk's decision, failing at once (with the failure's message) when the workflow task that takes it fails. */
  async function complete(caseId: string, applicantId: string, task: TaskRow): Promise<void> {
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    let done = false;
    let failure: string | undefined;
    const watching = (async (): Promise<void> => {
      while (!done) {
        const failures = await failedTasks(handle).catch((): string[] => []);
        if (failures.length) {
          failure = failures[0];
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const update = handle.executeUpdate(decideTaskUpdate, { args: [signedDecision(caseId, { taskId: task.id, actorId: applicantId, decision: 'COMPLETE' })] });
    // An update the failing workflow never takes ends only when the connection closes.
    update.catch(() => undefined);
    try {
      await Promise.race([update, watching]);
    } finally {
      done = true;
      await watching;
    }
    if (failure) throw new Error(`case ${caseId}: workflow task failed: ${failure}`);
    await update;
  }

  /** Takes every remaining decision of a MANUAL enterprise opening: the licence (SAMR) first, then the four. */
  async function finish({ caseId, applicantId, db }: InFlight): Promise<void> {
    const samr = await waitFor(`${caseId}: SAMR opened`, async () => (await tasksOf(db, caseId)).find((task) => task.department === 'SAMR'));
    if (samr.status === 'OPEN') await complete(caseId, applicantId, samr);
    const decided = (await tasksOf(db, caseId)).filter((task) => task.status === 'DONE').map((task) => task.department);
    const open = await waitForOpenTasks(db, caseId, FOUR.filter((department) => !decided.includes(department)));
    await Promise.all(open.map((task) => complete(caseId, applicantId, task)));
    await waitForCaseStatus(db, caseId, 'COMPLETED');
  }

  /** What the case's run shows of the deploy: the patch ids it recorded (TemporalChangeVersion) and the v2 memo. */
  async function deployTrace(caseId: string): Promise<{ patches: string[]; memo: unknown; failedTasks: string[]; result: unknown }> {
    const handle = temporal.workflow.getHandle(caseWorkflowId(caseId));
    const description = await handle.describe();
    const patches = ((description.searchAttributes as Record<string, unknown[] | undefined>).TemporalChangeVersion ?? []).map(String).sort();
    return { patches, memo: description.memo?.deployedCode, failedTasks: await failedTasks(handle), result: await handle.result() };
  }

  it('finishes every case the old release started on the new release, and new cases take the new path', async () => {
    const startedAt = Date.now();
    // A task queue of this test's own, so only the two releases started here run these cases.
    const taskQueue = `deploy-${randomUUID()}`;
    const current = fs.readFileSync(testStack().workflowBundle, 'utf8');
    const nextFile = path.join(testStack().dataDir, `workflow-bundle-${PATCH}-${randomUUID()}.js`);
    fs.writeFileSync(nextFile, nextRelease(current));

    // v1: the current workflow code, as the worker image carries it (the run's prebuilt bundle).
    const v1 = await startWorker({ TEMPORAL_TASK_QUEUE: taskQueue }, 'worker-deploy-v1');
    const inFlight: InFlight[] = [];
    try {
      inFlight.push(...(await Promise.all([1, 2, 3].map(() => file(taskQueue)))));
      // Three points of a case's life at the deploy: waiting for the licence; the licence granted and four
      // steps open; one of those four decided.
      const [first, second, third] = inFlight;
      await waitForOpenTasks(first.db, first.caseId, ['SAMR']);
      await Promise.all([second, third].map(async ({ caseId, applicantId, db }) => complete(caseId, applicantId, (await waitForOpenTasks(db, caseId, ['SAMR']))[0])));
      const [, thirdFour] = await Promise.all([second, third].map(({ caseId, db }) => waitForOpenTasks(db, caseId, FOUR)));
      await complete(third.caseId, third.applicantId, thirdFour[0]);
    } finally {
      // The deploy: the old release's worker stops (SIGTERM: it finishes its tasks in hand) ...
      await v1.stop();
    }

    // ... and the new release's starts, from its own prebuilt bundle.
    const v2Worker = await startWorker({ TEMPORAL_TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE_PATH: nextFile }, 'worker-deploy-v2');
    let fresh: InFlight | undefined;
    try {
      // The cases in flight finish, and a case filed after the deploy runs beside them.
      fresh = await file(taskQueue);
      await Promise.all([...inFlight, fresh].map(finish));
    } finally {
      await v2Worker.stop();
    }

    const old = await Promise.all(inFlight.map(({ caseId }) => deployTrace(caseId)));
    const next = await deployTrace(fresh.caseId);
    // Every case ends with a clerk's decision, so each records the current code's outcome-after-answer marker too.
    const currentMarkers = ['local-outcome-activity', 'outcome-after-answer'];
    // In flight: replayed on the old branch (no marker, no memo), no workflow task failed, completed.
    for (const trace of old) expect(trace).toEqual({ patches: currentMarkers, memo: undefined, failedTasks: [], result: { status: 'COMPLETED' } });
    // New: the new branch, recorded by its marker.
    expect(next).toEqual({ patches: [...currentMarkers, PATCH].sort(), memo: 'v2', failedTasks: [], result: { status: 'COMPLETED' } });

    recordCheck({
      id: 'deploy.workflow-code-in-flight',
      section: 'Determinism',
      check: 'A deploy of changed workflow code (behind patched()) with MANUAL cases in flight',
      how: 'integration test: 3 cases started on the current bundle and left at three points, that worker stopped, a worker on the next release\'s bundle (a patched change) started; decisions finish the old cases and a case filed after the deploy',
      figures: {
        'cases in flight at the deploy': inFlight.length,
        'in-flight cases completed on the new release, no workflow task failed': old.filter((trace) => trace.failedTasks.length === 0).length,
        'new case on the new path (marker and memo)': next.memo === 'v2' && next.patches.includes(PATCH) ? 'yes' : 'no',
        'seconds': Math.round((Date.now() - startedAt) / 1000),
      },
    });
  }, 120_000);
});
