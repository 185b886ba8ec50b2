import { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions';
import { NativeConnection, Worker, WorkerOptions, type ActivityInterceptorsFactory, type InjectedSinks } from '@temporalio/worker';
import type { Logger } from 'pino';
import { DecisionSigner, parseDepartmentSecrets, parseDepartmentSystems, PersonalDataCipher, Telemetry, temporalDataConverter } from '@onetrip/infrastructure';
import { DataSource } from 'typeorm';
import { createCaseActivities, createPingActivities, workflowBundlerOptions, workflowInterceptorModules, workflowsEntry } from '@onetrip/workflows';
import { WorkerConfig } from './config/worker.config';
import { HttpDepartmentSystems } from './department-systems/http-department-systems';
import { OutboxNotifier } from './persistence/outbox.notifier';
import { PostgresCaseStore } from './persistence/postgres-case.store';
import { PostgresNoticeStore } from './persistence/postgres-notice.store';
import { PostgresProcessDefinitions } from './persistence/postgres-process-definitions';
import { TypeormPingStore } from './persistence/ping.store';
import { StepFailureStore } from './persistence/step-failure.store';
import { SignedDecisionVerifier } from './signed-decision.verifier';
import { requestIdInterceptor } from './request-id.interceptor';
import { stepFailureInterceptor } from './step-failure.interceptor';
import type { WorkerMetrics } from './worker-metrics';

/** The departments' own systems (SYSTEM mode) from the worker's settings. */
export function departmentSystems(config: Pick<WorkerConfig, 'DEPARTMENT_SYSTEMS' | 'DEPARTMENT_SYSTEM_SECRETS' | 'DEPARTMENT_SYSTEM_TIMEOUT_SECONDS'>): HttpDepartmentSystems {
  return new HttpDepartmentSystems(parseDepartmentSystems(config.DEPARTMENT_SYSTEMS), parseDepartmentSecrets(config.DEPARTMENT_SYSTEM_SECRETS), config.DEPARTMENT_SYSTEM_TIMEOUT_SECONDS);
}

export function createActivities(dataSource: DataSource, logger: Logger, cipher: PersonalDataCipher, signer: DecisionSigner, systems?: HttpDepartmentSystems) {
  return {
    ...createPingActivities({ pings: new TypeormPingStore(dataSource) }),
    ...createCaseActivities({
      cases: new PostgresCaseStore(dataSource, cipher),
      notifier: new OutboxNotifier(dataSource, logger),
      decisions: new SignedDecisionVerifier(signer),
      definitions: new PostgresProcessDefinitions(dataSource),
      notices: new PostgresNoticeStore(dataSource),
      systems,
    }),
  };
}

/**
 * Each activity runs in the context its workflow sent (trace, and the request id in the baggage), so its log
 * lines and PostgreSQL spans belong to the request that started the work. Outermost, so the interceptors after
 * it (the step-failure notes and their log lines) run inside that context.
 */
const tracedActivityContext: ActivityInterceptorsFactory = (ctx) => ({
  inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
  outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
});

/** With tracing off there are no spans to join: only the request id is carried, without an in-process context. */
function activityContext(telemetry: Telemetry): ActivityInterceptorsFactory {
  return telemetry.tracing ? tracedActivityContext : requestIdInterceptor();
}

/** Where the workflow interceptors' spans go: the process's span processor, or nowhere when tracing is off. */
function workflowSpanSink(telemetry: Telemetry): InjectedSinks<OpenTelemetrySinks> {
  if (telemetry.spanProcessor && telemetry.resource) return { exporter: makeWorkflowExporter(telemetry.spanProcessor, telemetry.resource) };
  return { exporter: { export: { fn: () => undefined } } };
}

export async function createWorker(deps: {
  config: WorkerConfig;
  connection: NativeConnection;
  dataSource: DataSource;
  logger: Logger;
  cipher: PersonalDataCipher;
  signer: DecisionSigner;
  telemetry: Telemetry;
  metrics?: WorkerMetrics;
}): Promise<Worker> {
  const { config } = deps;
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> = config.WORKFLOW_BUNDLE_PATH
    ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } }
    : {
        workflowsPath: workflowsEntry(),
        bundlerOptions: { webpackConfigHook: workflowBundlerOptions() },
      };
  // A prebuilt bundle carries the workflow interceptor modules already (scripts/stack/workflow-bundle.ts).
  const workflowModules = config.WORKFLOW_BUNDLE_PATH ? [] : workflowInterceptorModules();
  return Worker.create({
    connection: deps.connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: createActivities(deps.dataSource, deps.logger, deps.cipher, deps.signer, departmentSystems(config)),
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    shutdownGraceTime: '10 seconds',
    dataConverter: temporalDataConverter(config),
    interceptors: {
      activity: [activityContext(deps.telemetry), ...(deps.metrics ? [deps.metrics.activityInterceptor()] : []), stepFailureInterceptor(new StepFailureStore(deps.dataSource), deps.logger)],
      workflowModules,
    },
    sinks: workflowSpanSink(deps.telemetry),
    ...workflowSource,
  });
}
