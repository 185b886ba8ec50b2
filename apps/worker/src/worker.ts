import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import type { Logger } from 'pino';
import { DecisionSigner, parseDepartmentSecrets, parseDepartmentSystems, PersonalDataCipher, temporalDataConverter } from '@onetrip/infrastructure';
import { DataSource } from 'typeorm';
import { createCaseActivities, createPingActivities, workflowBundlerOptions, workflowsEntry } from '@onetrip/workflows';
import { WorkerConfig } from './config/worker.config';
import { HttpDepartmentSystems } from './department-systems/http-department-systems';
import { OutboxNotifier } from './persistence/outbox.notifier';
import { PostgresCaseStore } from './persistence/postgres-case.store';
import { PostgresNoticeStore } from './persistence/postgres-notice.store';
import { PostgresProcessDefinitions } from './persistence/postgres-process-definitions';
import { TypeormPingStore } from './persistence/ping.store';
import { StepFailureStore } from './persistence/step-failure.store';
import { SignedDecisionVerifier } from './signed-decision.verifier';
import { stepFailureInterceptor } from './step-failure.interceptor';

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

export async function createWorker(deps: {
  config: WorkerConfig;
  connection: NativeConnection;
  dataSource: DataSource;
  logger: Logger;
  cipher: PersonalDataCipher;
  signer: DecisionSigner;
}): Promise<Worker> {
  const { config } = deps;
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> = config.WORKFLOW_BUNDLE_PATH
    ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } }
    : {
        workflowsPath: workflowsEntry(),
        bundlerOptions: { webpackConfigHook: workflowBundlerOptions() },
      };
  return Worker.create({
    connection: deps.connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: createActivities(deps.dataSource, deps.logger, deps.cipher, deps.signer, departmentSystems(config)),
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    shutdownGraceTime: '10 seconds',
    dataConverter: temporalDataConverter(config),
    interceptors: { activity: [stepFailureInterceptor(new StepFailureStore(deps.dataSource), deps.logger)] },
    ...workflowSource,
  });
}
