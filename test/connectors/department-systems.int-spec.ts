import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { makeResidentId, type ProcessDefinition } from '@onetrip/domain';
import { parseDepartmentSecrets, signRequest } from '@onetrip/infrastructure';
import { temporal } from '@temporalio/proto';
import { ROOT } from '../../scripts/stack/app-process';
import { stopChild } from '../../scripts/stack/temporal-dev-server';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, signIn, type SignedIn } from '../api/api-fixtures';
import { useRealServers } from '../support/case-fixtures';
import { http } from '../support/http';
import { fileLog, testStack } from '../support/test-stack';

// SYSTEM mode against the real department-system simulator (tools/department-simulator, its own process): each
// scenario is a case of a one-step process whose step is decided by a department's own system (SIM-A…SIM-G, one
// per scenario so they run side by side), answering at once or by signed callback, with one fault each. Every
// case ends decided exactly once (one task row, at most one accepted Update), and nothing a forger sends changes it.

const EventType = temporal.api.enums.v1.EventType;
const systems = testStack().departmentSystems;
const secrets = parseDepartmentSecrets(systems.secrets);
const simulatorUrl = `http://127.0.0.1:${systems.port}`;
const ID_NUMBER = makeResidentId('433101', '1990-03-07', 15);
const MOBILE = '13912345678';

/** A one-step process (a grid connection) whose step the department's system decides; `notes` is not read by it. */
function systemDefinition(key: string, department: string): ProcessDefinition {
  const label = (zh: string, en: string) => ({ 'x-label': { zh, en } });
  return {
    key,
    version: 1,
    name: { zh: '用电报装', en: 'Grid connection' },
    departments: [{ code: department, name: { zh: '供电公司', en: 'Power supply company' } }],
    form: {
      rules: [],
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        additionalProperties: false,
        required: ['applicant', 'site', 'delivery'],
        properties: {
          applicant: {
            type: 'object',
            ...label('申请人', 'Applicant'),
            additionalProperties: false,
            required: ['name', 'idNumber', 'mobile'],
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 50, ...label('姓名', 'Name') },
              idNumber: { type: 'string', format: 'resident-id', 'x-personal-data': true, ...label('身份证号码', 'ID number') },
              mobile: { type: 'string', format: 'mobile', 'x-personal-data': true, ...label('手机号码', 'Mobile') },
            },
          },
          site: {
            type: 'object',
            ...label('用电地址', 'Site'),
            additionalProperties: false,
            required: ['address', 'capacityKw'],
            properties: {
              address: { type: 'string', minLength: 1, maxLength: 200, ...label('地址', 'Address') },
              capacityKw: { type: 'integer', minimum: 1, maximum: 10000, ...label('报装容量（千瓦）', 'Capacity (kW)') },
            },
          },
          notes: { type: 'string', maxLength: 200, ...label('备注', 'Notes') },
          delivery: {
            type: 'object',
            ...label('送达', 'Delivery'),
            additionalProperties: false,
            required: ['method'],
            properties: { method: { type: 'string', enum: ['ONLINE'], ...label('送达方式', 'Delivery method') } },
          },
        },
      },
    },
    steps: [
      {
        id: 'connection',
        department,
        name: { zh: '用电报装', en: 'Grid connection' },
        kind: 'review',
        dependsOn: [],
        reads: ['applicant', 'site'],
        unmasked: ['applicant.mobile'],
        mode: 'SYSTEM',
        timeLimitMinutes: 240,
        reminderLeadMinutes: 60,
        outputs: {
          type: 'object',
          additionalProperties: false,
          required: ['connectionNumber'],
          properties: { connectionNumber: { type: 'string', pattern: '^GD\\d{6}$', ...label('报装编号', 'Connection number') } },
        },
      },
    ],
    outcome: {
      fields: { connectionNumber: { from: { step: 'connection', path: 'connectionNumber' } } },
      delivery: { methodPath: 'delivery.method', options: [{ method: 'ONLINE', name: { zh: '网上送达', en: 'Online' }, tripsRequired: 0 }] },
    },
    fees: [],
  } as ProcessDefinition;
}

const FORM = { applicant: { name: '张三', idNumber: ID_NUMBER, mobile: MOBILE }, site: { address: '吉首市乾州街道世纪大道1号', capacityKw: 50 }, notes: '不发给部门', delivery: { method: 'ONLINE' } };
const COMPLETE = { decision: 'COMPLETE', outputs: { connectionNumber: 'GD000123' } };

interface Received {
  taskId: string;
  idempotencyKey: string;
  answered: number;
  request: { form: Record<string, unknown>; department: string; stepId: string };
}
interface Callback {
  status: number;
  body: { duplicate?: boolean; code?: string };
}

const sim = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${simulatorUrl}/_sim${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await response.json()) as T;
};

/** A callback as the department would send it (or a forger): signed with `secret` (none: unsigned), at `at`. */
async function callback(department: string, body: unknown, options: { secret?: Buffer | null; at?: Date } = {}) {
  const route = `/connectors/${department}/callbacks`;
  const text = JSON.stringify(body);
  const secret = options.secret === undefined ? secrets.get(department)! : options.secret;
  const headers = secret ? signRequest(department, secret, { method: 'POST', path: new URL(testStack().apiUrl + route).pathname, body: text }, options.at) : {};
  return http<{ duplicate?: boolean; status?: string; code?: string }>('POST', route, { body: text, headers });
}

describe('SYSTEM mode: departments’ own systems through the simulator', () => {
  const servers = useRealServers();
  let simulator: ChildProcess;
  let admin: SignedIn;
  let applicant: SignedIn;
  const keys = new Map<string, string>();

  beforeAll(async () => {
    // The simulator as its own process, from the repository, the way `./onetrip up` starts it.
    const log = fileLog(`department-simulator-${systems.port}`);
    simulator = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tools/department-simulator/main.ts', '--port', String(systems.port), '--api', testStack().apiUrl], {
      cwd: ROOT,
      env: { ...process.env, DEPARTMENT_SYSTEM_SECRETS: systems.secrets },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    simulator.stdout?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
    simulator.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
    [admin, applicant] = await Promise.all([signIn('admin'), newApplicant()]);
    await waitFor('the department simulator', async () => (await fetch(`${simulatorUrl}/_sim/received`).catch(() => undefined))?.ok, { timeoutMs: 30_000 });
    // One process per simulated department, uploaded and activated by the admin: the mode is the definition's.
    await Promise.all(
      [...secrets.keys()].map(async (department) => {
        const key = `grid-${department.toLowerCase()}-${randomUUID().slice(0, 6)}`;
        const uploaded = await http('POST', '/admin/processes', { token: admin.token, body: systemDefinition(key, department) });
        if (uploaded.status !== 201 && uploaded.status !== 200) throw new Error(`upload answered ${uploaded.status}: ${JSON.stringify(uploaded.body)}`);
        const activated = await http('POST', `/admin/processes/${key}/versions/1/activate`, { token: admin.token, body: {} });
        if (activated.status !== 200) throw new Error(`activation answered ${activated.status}`);
        keys.set(department, key);
      }),
    );
  }, 60_000);

  afterAll(async () => {
    if (simulator) await stopChild(simulator, 5_000);
  });

  async function file(department: string): Promise<{ caseId: string; taskId: string }> {
    const filed = await http<{ id: string }>('POST', `/processes/${keys.get(department)}/applications`, { token: applicant.token, body: { form: FORM }, headers: { 'Idempotency-Key': randomUUID() } });
    if (filed.status !== 201) throw new Error(`filing answered ${filed.status}: ${JSON.stringify(filed.body)}`);
    return { caseId: filed.body.id, taskId: `${filed.body.id}.connection.1` };
  }

  const caseStatus = async (caseId: string): Promise<string> => ((await servers.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0] as { status: string }).status;
  const untilCase = (caseId: string, status: string) => waitFor(`case ${status}`, async () => (await caseStatus(caseId)) === status, { timeoutMs: 30_000 });
  const received = (taskId: string) => sim<Received[]>('GET', `/received?taskId=${encodeURIComponent(taskId)}`);
  const callbacksOf = (taskId: string) => sim<Callback[]>('GET', `/callbacks?taskId=${encodeURIComponent(taskId)}`);

  /** Decided exactly once: one task row, in `status`, decided by no person; at most one decision Update accepted. */
  async function decidedOnce(caseId: string, status: string): Promise<void> {
    const tasks = await servers.db.query(`SELECT status, mode, decided_by_id, decided_at FROM tasks WHERE case_id = $1`, [caseId]);
    expect(tasks.rows).toEqual([expect.objectContaining({ status, mode: 'SYSTEM', decided_by_id: null, decided_at: expect.any(Date) })]);
    const history = await servers.temporal.workflow.getHandle(`case-${caseId}`).fetchHistory();
    const accepted = (history.events ?? []).filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    expect(accepted.length).toBeLessThanOrEqual(1);
  }

  // The scenarios run side by side (each on its own department), started once the processes are published;
  // each `it` reports its own. Side by side, the file costs about its slowest scenario, not their sum.
  const scenarios = new Map<string, () => Promise<void>>();
  const runs = new Map<string, Promise<void>>();
  const scenario = (name: string, run: () => Promise<void>): void => {
    scenarios.set(name, run);
    it(name, () => runs.get(name)!);
  };
  beforeAll(() => {
    for (const [name, run] of scenarios) {
      const started = run();
      started.catch(() => undefined); // reported by its own `it`
      runs.set(name, started);
    }
  });

  scenario('decides at once: only the step’s reads are sent (personal data masked unless unmasked), keyed by the task id', async () => {
    await sim('PUT', '/departments/SIM-A', { answer: 'immediate', decision: COMPLETE });
    const { caseId, taskId } = await file('SIM-A');
    await untilCase(caseId, 'COMPLETED');
    const [request] = await received(taskId);
    expect(request).toMatchObject({ idempotencyKey: taskId, answered: 200, request: { department: 'SIM-A', stepId: 'connection' } });
    // reads: applicant and site; `notes` and `delivery` are not the department's; the ID number is masked, the mobile unmasked.
    expect(request.request.form).toEqual({ applicant: { name: '张三', idNumber: expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/), mobile: MOBILE }, site: FORM.site });
    expect(JSON.stringify(request.request)).not.toContain(ID_NUMBER);
    await decidedOnce(caseId, 'DONE');
    const outcome = (await servers.db.query(`SELECT outcome FROM cases WHERE id = $1`, [caseId])).rows[0] as { outcome: Record<string, unknown> };
    expect(outcome.outcome).toMatchObject({ connectionNumber: 'GD000123' });
  });

  scenario('accepts with 202 and decides by callback; the same callback twice makes one decision', async () => {
    await sim('PUT', '/departments/SIM-B', { answer: 'callback', decision: COMPLETE, callbackDelayMs: 100, faults: { duplicateCallback: true } });
    const { caseId, taskId } = await file('SIM-B');
    await untilCase(caseId, 'COMPLETED');
    const sent = await waitFor('both callbacks', async () => {
      const list = await callbacksOf(taskId);
      return list.length === 2 ? list : undefined;
    });
    expect(sent.map((entry) => [entry.status, entry.body.duplicate])).toEqual([
      [200, false],
      [200, true],
    ]);
    expect((await received(taskId)).map((entry) => entry.answered)).toEqual([202]);
    await decidedOnce(caseId, 'DONE');
  });

  scenario('refuses a wrongly signed, unsigned, forged, stale or replayed callback with 401 and changes nothing; unknown 404, closed 409', async () => {
    await sim('PUT', '/departments/SIM-C', { answer: 'callback', decision: COMPLETE, callbackDelayMs: 0, faults: { wrongSignature: true } });
    const { caseId, taskId } = await file('SIM-C');
    const [wrong] = await waitFor('the wrongly signed callback', async () => {
      const list = await callbacksOf(taskId);
      return list.length ? list : undefined;
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'SIGNATURE_INVALID' } });

    const body = { taskId, ...COMPLETE };
    expect((await callback('SIM-C', body, { secret: null })).status).toBe(401); // unsigned
    expect((await callback('SIM-C', body, { secret: secrets.get('SIM-A') })).status).toBe(401); // another department's secret
    expect((await callback('SIM-C', body, { at: new Date(Date.now() - 6 * 60_000) })).status).toBe(401); // stale
    // A valid signature over one body, sent with another body: the digest no longer matches. Refused before its
    // nonce is remembered, so the genuine request with the same headers still goes through — once.
    const genuine = JSON.stringify({ ...body, outputs: { connectionNumber: 'GD999999' } });
    const headers = signRequest('SIM-C', secrets.get('SIM-C')!, { method: 'POST', path: new URL(`${testStack().apiUrl}/connectors/SIM-C/callbacks`).pathname, body: genuine });
    expect((await http('POST', '/connectors/SIM-C/callbacks', { body: JSON.stringify({ ...body, decision: 'REJECT', reason: 'forged' }), headers })).status).toBe(401);
    expect(await caseStatus(caseId)).toBe('IN_PROGRESS');
    expect((await http('POST', '/connectors/SIM-C/callbacks', { body: genuine, headers })).status).toBe(200);
    // …and the genuine one replayed byte for byte.
    expect((await http('POST', '/connectors/SIM-C/callbacks', { body: genuine, headers })).status).toBe(401);
    await untilCase(caseId, 'COMPLETED');
    const outputs = (await servers.db.query(`SELECT outputs FROM tasks WHERE id = $1`, [taskId])).rows[0] as { outputs: Record<string, string> };
    expect(outputs.outputs).toEqual({ connectionNumber: 'GD999999' });
    await decidedOnce(caseId, 'DONE');

    expect((await callback('SIM-C', { ...body, taskId: `${randomUUID()}.connection.1` })).status).toBe(404);
    expect((await callback('SIM-A', body)).status).toBe(404); // another department's task
    const late = await callback('SIM-C', { taskId, decision: 'REJECT', reason: 'too late' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('TASK_NOT_OPEN');
    expect((await callback('SIM-C', { taskId, decision: 'COMPLETE', outputs: { connectionNumber: 'nope' } })).status).toBe(400);
  });

  scenario('waits when no callback comes (nothing lost), and takes the decision when it comes', async () => {
    await sim('PUT', '/departments/SIM-D', { answer: 'callback', decision: COMPLETE, faults: { noCallback: true } });
    const { caseId, taskId } = await file('SIM-D');
    await waitFor('the 202', async () => (await received(taskId)).some((entry) => entry.answered === 202));
    // Accepted and waiting: the task stays open for the department, the case in progress.
    await waitFor('the step waiting', async () => {
      const state = await servers.temporal.workflow.getHandle(`case-${caseId}`).query<{ steps: { status: string }[] }>('caseState');
      return state.steps[0].status === 'OPEN';
    });
    expect(await caseStatus(caseId)).toBe('IN_PROGRESS');
    const sent = await sim<Callback>('POST', `/tasks/${encodeURIComponent(taskId)}/callback`, { decision: 'REJECT', reason: '该地址不具备接电条件' });
    expect(sent.status).toBe(200);
    await untilCase(caseId, 'REJECTED');
    await decidedOnce(caseId, 'REJECTED');
  });

  scenario('retries 5xx with backoff under the same idempotency key, then takes the answer (a RETURN) once', async () => {
    await sim('PUT', '/departments/SIM-E', { answer: 'immediate', decision: { decision: 'RETURN', items: [{ field: 'site.address', reason: '门牌号不全' }] }, faults: { fail500: 2 } });
    const { caseId, taskId } = await file('SIM-E');
    await untilCase(caseId, 'AWAITING_CORRECTION');
    const requests = await received(taskId);
    expect(requests.map((entry) => entry.answered)).toEqual([500, 500, 200]);
    expect(new Set(requests.map((entry) => entry.idempotencyKey))).toEqual(new Set([taskId]));
    await decidedOnce(caseId, 'RETURNED');
    expect((await servers.db.query(`SELECT 1 FROM step_failures WHERE case_id = $1`, [caseId])).rowCount).toBe(0);
  });

  scenario('times out a slow answer and asks again: the first answer, once', async () => {
    await sim('PUT', '/departments/SIM-F', { answer: 'immediate', decision: COMPLETE, faults: { slowMs: (systems.timeoutSeconds + 1) * 1000, slowRequests: 1 } });
    const { caseId, taskId } = await file('SIM-F');
    await untilCase(caseId, 'COMPLETED');
    const requests = await received(taskId);
    expect(requests.length).toBe(2);
    expect(new Set(requests.map((entry) => entry.idempotencyKey))).toEqual(new Set([taskId]));
    await decidedOnce(caseId, 'DONE');
  });

  scenario('shows a department that is down as STEP_FAILING with its error, and an admin’s RETRY runs it again at once', async () => {
    await sim('PUT', '/departments/SIM-G', { answer: 'immediate', decision: COMPLETE, faults: { fail500: -1 } });
    const { caseId, taskId } = await file('SIM-G');
    const attempts = async (): Promise<number> => ((await servers.db.query(`SELECT attempts FROM step_failures WHERE case_id = $1`, [caseId])).rows[0] as { attempts: number } | undefined)?.attempts ?? 0;
    await waitFor('two failed attempts', async () => (await attempts()) >= 2);
    const listed = await http<{ items: { caseId: string; reasons: { reason: string; department: string; lastError: string; summary: string }[] }[] }>('GET', '/admin/cases?stuck=true&reason=STEP_FAILING', { token: admin.token });
    const reason = listed.body.items.find((item) => item.caseId === caseId)?.reasons[0];
    expect(reason).toMatchObject({ reason: 'STEP_FAILING', department: 'SIM-G', lastError: expect.stringContaining('SIM-G system answered HTTP 500') });
    expect(reason?.summary).toMatch(/^SIM-G: callDepartmentSystem failing since \d\d:\d\d/);

    // Retried while still down: the attempt count starts again at 1 (the next attempt runs now, not after its backoff).
    const retried = await http<{ result: string }>('POST', `/admin/cases/${caseId}/actions`, { token: admin.token, body: { action: 'RETRY', stepId: 'connection', reason: '供电系统已恢复' } });
    expect(retried.status).toBe(200);
    expect(retried.body.result).toMatch(/^connection: callDepartmentSystem retried now/);
    await waitFor('the retried attempt', async () => (await attempts()) === 1);
    // Back up: the next attempt (1 s later) gets through.
    await sim('PUT', '/departments/SIM-G', { answer: 'immediate', decision: COMPLETE });
    await untilCase(caseId, 'COMPLETED');
    expect((await received(taskId)).at(-1)?.answered).toBe(200);
    await decidedOnce(caseId, 'DONE');
    expect((await servers.db.query(`SELECT 1 FROM step_failures WHERE case_id = $1`, [caseId])).rowCount).toBe(0);
  });
});
