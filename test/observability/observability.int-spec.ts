import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { parse as parseYaml } from 'yaml';
import { defaultPayloadConverter } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { AppProcess } from '../../scripts/stack/app-process';
import { ROOT } from '../../scripts/stack/app-process';
import { freePort } from '../../scripts/stack/ports';
import { waitFor } from '../../scripts/stack/wait-for';
import { newApplicant, validForm, type CaseView } from '../api/api-fixtures';
import { connectDatabase, connectTemporal } from '../support/case-fixtures';
import { http } from '../support/http';
import { OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { exportedNames, metricNamesIn, samples } from '../support/prometheus-names';
import { startApi, startWorker, testStack, webOrigin } from '../support/test-stack';

const SERVER_SPAN = 2;
const LOG_DIR = path.join(ROOT, 'test-results/logs');

type LogLine = Record<string, unknown> & { sdk?: Record<string, unknown>; req?: { id?: string } };

function logLines(file: string): LogLine[] {
  return fs
    .readFileSync(path.join(LOG_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

async function scrape(port: number): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/**
 * One small boot of its own: an API and a worker on a task queue of their own, with OTEL_* pointing at a
 * receiver in this process and their metrics listeners on free ports. One AUTO case is filed through it.
 */
describe('observability: metrics, one trace per case, and ids on the log lines', () => {
  const receiver = new OtlpReceiver();
  const started: AppProcess[] = [];
  const label = `obs-${randomUUID().slice(0, 8)}`;
  let db: PgClient;
  let temporal: Client;
  let apiUrl: string;
  let apiMetricsPort: number;
  let workerMetricsPort: number;
  const requestId = `obs-${randomUUID()}`;
  let filed: CaseView;
  let workflowId: string;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    apiMetricsPort = await freePort();
    workerMetricsPort = await freePort();
    const sdkMetricsPort = await freePort();
    expect(new Set([apiMetricsPort, workerMetricsPort, sdkMetricsPort]).size).toBe(3);
    // The batch processor's default 5 s delay would only slow the test down.
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const stack = { ...testStack(), taskQueue: `${label}-queue` };
    const [worker, api] = await Promise.all([
      startWorker({ ...otel, METRICS_PORT: String(workerMetricsPort), TEMPORAL_METRICS_PORT: String(sdkMetricsPort) }, `${label}-worker`, stack),
      startApi({ ...otel, METRICS_PORT: String(apiMetricsPort), METRICS_CACHE_SECONDS: '0', CASE_DEPARTMENT_MODES: '*=AUTO', CASE_CALENDAR: 'ALWAYS' }, `${label}-api`, stack),
    ]);
    started.push(worker, api.app);
    apiUrl = api.url;
    db = await connectDatabase();
    temporal = await connectTemporal();

    const applicant = await newApplicant(apiUrl);
    const result = await http<CaseView>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl: apiUrl, headers: { 'X-Request-Id': requestId } });
    expect(result.status).toBe(201);
    filed = result.body;
    workflowId = (await db.query<{ workflow_id: string }>(`SELECT workflow_id FROM cases WHERE id = $1`, [filed.id])).rows[0].workflow_id;
    await waitFor('the case to complete', async () => (await db.query(`SELECT 1 FROM cases WHERE id = $1 AND status = 'COMPLETED'`, [filed.id])).rowCount === 1, { timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop()));
    await receiver.stop();
    await db?.end();
    await temporal?.connection.close();
  });

  it('exports one trace from the POST through the Temporal client, the workflow and every activity down to PostgreSQL', async () => {
    // What the workflow did, from its history: the activities it ran, regular (scheduled events) and local (markers;
    // an all-AUTO case has only local ones), in order.
    // Closed first: the read model says COMPLETED once the outcome's local activity has run, before the one workflow task
    // of an all-AUTO case is recorded; a history read then has no activity in it yet.
    const handle = temporal.workflow.getHandle(workflowId);
    await handle.result();
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const scheduled = events.flatMap((event) => {
      const regular = event.activityTaskScheduledEventAttributes?.activityType?.name;
      if (regular) return [regular];
      const marker = event.markerRecordedEventAttributes;
      if (marker?.markerName !== 'core_local_activity') return [];
      return [(defaultPayloadConverter.fromPayload(marker.details!.data!.payloads![0]) as { activity_type: string }).activity_type];
    });
    expect(scheduled.length).toBeGreaterThan(0);
    const ranInAll = scheduled.length;

    const activitySpans = (): ReceivedSpan[] => receiver.spans.filter((span) => span.name.startsWith('RunActivity:') && span.attributes.temporalWorkflowId === workflowId);
    await waitFor(
      'every activity span and the workflow span to arrive',
      async () => activitySpans().length >= ranInAll && receiver.spans.some((span) => span.name.startsWith('RunWorkflow:') && span.traceId === activitySpans()[0]?.traceId),
      { timeoutMs: 20_000 },
    );

    // ONE trace: every activity of the case is in it.
    const traceIds = new Set(activitySpans().map((span) => span.traceId));
    expect(traceIds.size).toBe(1);
    const [traceId] = traceIds;
    const trace = receiver.spans.filter((span) => span.traceId === traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));

    // Its root is the API's server span of the POST, named by its route template.
    const roots = trace.filter((span) => !span.parentSpanId || !byId.has(span.parentSpanId));
    expect(roots.map((span) => `${span.service} ${span.name} kind=${span.kind}`)).toEqual([`onetrip-api POST /api/applications kind=${SERVER_SPAN}`]);

    // The last activity the workflow ran hangs from the POST through the client's start and the workflow run.
    const last = activitySpans().find((span) => span.name === `RunActivity:${scheduled[scheduled.length - 1]}`);
    expect(last).toBeDefined();
    const chain: string[] = [];
    for (let span: ReceivedSpan | undefined = last; span; span = span.parentSpanId ? byId.get(span.parentSpanId) : undefined) chain.unshift(`${span.service}: ${span.name}`);
    expect(chain[0]).toBe('onetrip-api: POST /api/applications');
    expect(chain).toEqual(expect.arrayContaining(['onetrip-api: StartWorkflow:processWorkflow', 'onetrip-worker: RunWorkflow:processWorkflow', `onetrip-worker: StartActivity:${scheduled[scheduled.length - 1]}`]));

    // Every activity type the history names ran inside the trace; PostgreSQL spans from both processes are in it.
    const names = new Set(trace.map((span) => span.name));
    for (const type of new Set(scheduled)) expect(names).toContain(`RunActivity:${type}`);
    const queries = trace.filter((span) => span.attributes['db.system'] === 'postgresql');
    expect(new Set(queries.map((span) => span.service))).toEqual(new Set(['onetrip-api', 'onetrip-worker']));
    // Some query runs inside an activity (a pg span whose parent is a RunActivity span).
    expect(queries.some((span) => span.parentSpanId && byId.get(span.parentSpanId)?.name.startsWith('RunActivity:'))).toBe(true);

    // The log lines of the request (API) and of the case's activities (worker) carry its request id and trace id.
    const apiLines = logLines(`${label}-api-${new URL(apiUrl).port}.log`).filter((line) => line.requestId === requestId || line.req?.id === requestId);
    expect(apiLines.length).toBeGreaterThan(0);
    for (const line of apiLines) expect({ msg: line.msg, requestId: line.requestId, traceId: line.traceId }).toEqual({ msg: line.msg, requestId, traceId });
    const workerLines = logLines(`${label}-worker.log`).filter((line) => line.caseId === filed.id || line.sdk?.workflowId === workflowId);
    expect(workerLines.length).toBeGreaterThan(0);
    for (const line of workerLines) expect({ msg: line.msg, requestId: line.requestId, traceId: line.traceId }).toEqual({ msg: line.msg, requestId, traceId });
  });

  it('serves Prometheus figures on the metrics ports, not on the public API port', async () => {
    const api = await scrape(apiMetricsPort);
    expect(api.status).toBe(200);
    expect(api.type).toContain('text/plain');

    // HTTP requests by route template and status: the POST is there, and no label holds a raw path.
    const requests = samples(api.text, 'onetrip_http_request_duration_seconds_count');
    expect(requests).toContainEqual({ labels: { service: 'onetrip-api', method: 'POST', route: '/api/applications', status: '201' }, value: 1 });
    const routes = new Set(requests.map((sample) => sample.labels.route));
    for (const route of routes) expect(route).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\/\d+(\/|$)/);

    // The case figures from PostgreSQL (this lane's database).
    expect(samples(api.text, 'onetrip_cases_stuck').map((sample) => sample.labels.reason).sort()).toEqual(['AWAITING_APPLICANT', 'COMPLAINT', 'NO_PROGRESS', 'OVERDUE', 'STEP_FAILING']);
    const completed = samples(api.text, 'onetrip_cases_completed_last_hour').find((sample) => sample.labels.process === 'enterprise-opening');
    expect(completed?.value).toBeGreaterThanOrEqual(1);
    const { n } = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM complaints`)).rows[0];
    expect(samples(api.text, 'onetrip_complaints_total')).toEqual([{ labels: { service: 'onetrip-api' }, value: n }]);
    expect(samples(api.text, 'onetrip_business_metrics_age_seconds')[0].value).toBeGreaterThanOrEqual(0);

    // The worker: its process figures and the Temporal SDK's own, on one page.
    const worker = await scrape(workerMetricsPort);
    expect(worker.status).toBe(200);
    expect(samples(worker.text, 'process_resident_memory_bytes')[0].labels).toEqual({ service: 'onetrip-worker' });
    const workflowsDone = samples(worker.text, 'temporal_workflow_completed_total').filter((sample) => sample.labels.workflow_type === 'processWorkflow' && sample.labels.task_queue === `${label}-queue`);
    expect(workflowsDone.map((sample) => sample.value)).toEqual([1]);

    // Not an API route: the public port answers no Prometheus page.
    for (const url of [`${apiUrl}/metrics`, `${webOrigin(apiUrl)}/metrics`]) {
      const text = await (await fetch(url)).text();
      expect(text).not.toContain('# TYPE');
    }
  });

  it('has a Grafana dashboard and alert rules whose every expression reads metrics the apps export', async () => {
    // The case's AUTO steps ran as local activities; the SDK exports the regular activities' figures (MANUAL openings,
    // SYSTEM calls, a failing step's fallback) once the worker has run one: a ping is one.
    await temporal.workflow.execute('pingWorkflow', { taskQueue: `${label}-queue`, workflowId: `${label}-ping`, args: [{ message: 'metrics' }] });
    const exported = new Set([...exportedNames((await scrape(apiMetricsPort)).text), ...exportedNames((await scrape(workerMetricsPort)).text)]);

    const dashboard = JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy/grafana/onetrip-dashboard.json'), 'utf8')) as {
      panels: { type: string; title: string; targets?: { expr: string }[] }[];
      templating: { list: { definition?: string }[] };
    };
    const panels = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(panels.length).toBeGreaterThanOrEqual(10);
    const rules = (parseYaml(fs.readFileSync(path.join(ROOT, 'deploy/prometheus/onetrip-alerts.yml'), 'utf8')) as {
      groups: { name: string; rules: { alert: string; expr: string; for: string; labels: { severity: string }; annotations: { summary: string } }[] }[];
    }).groups.flatMap((group) => group.rules);
    for (const rule of rules) {
      expect(rule).toMatchObject({ alert: expect.stringMatching(/^OneTrip/), for: expect.stringMatching(/^\d+[smhd]$/), labels: { severity: expect.stringMatching(/^(critical|warning|info)$/) } });
      expect(rule.annotations.summary.length).toBeGreaterThan(0);
    }
    // Stuck cases and SLA breaches are among the alerts.
    expect(rules.map((rule) => rule.expr).join('\n')).toMatch(/onetrip_cases_stuck\{reason="STEP_FAILING"\}/);
    expect(rules.map((rule) => rule.expr).join('\n')).toMatch(/onetrip_steps_past_limit/);

    const expressions = [
      ...panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}"`, expr: target.expr }))),
      ...rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })),
      ...dashboard.templating.list.flatMap((variable) => {
        const metric = /^label_values\(([a-zA-Z_:][a-zA-Z0-9_:]*),/.exec(variable.definition ?? '');
        return metric ? [{ where: 'dashboard variable', expr: metric[1] }] : [];
      }),
    ];
    const unknown: string[] = [];
    for (const { where, expr } of expressions) {
      const names = metricNamesIn(expr);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) if (!exported.has(name)) unknown.push(`${where}: ${name}`);
    }
    expect(unknown).toEqual([]);
  });
});
