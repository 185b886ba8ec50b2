import 'reflect-metadata';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createLogger, loadConfig, temporalDataConverter } from '@onetrip/infrastructure';
import { WorkerConfig } from '../apps/worker/src/config/worker.config';
import { createBenchActivities } from './activities';

// The bench's own worker process: the skeleton workflows on their own task queue, with the same
// settings as apps/worker (its WorkerConfig, so the same defaults and the same variables), the same
// logging set-up, and a prebuilt bundle as apps/worker uses with WORKFLOW_BUNDLE_PATH.

async function main(): Promise<void> {
  const config = loadConfig(WorkerConfig);
  const logger = createLogger({ name: 'bench-worker', level: config.LOG_LEVEL });
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry) => {
      const level = entry.level === 'TRACE' ? 'trace' : (entry.level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error');
      logger[level]({ sdk: entry.meta }, entry.message);
    }),
  });
  if (!config.WORKFLOW_BUNDLE_PATH) throw new Error('WORKFLOW_BUNDLE_PATH is required (the bench bundles bench/workflows first)');
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: createBenchActivities(),
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    shutdownGraceTime: '10 seconds',
    dataConverter: temporalDataConverter(config),
    workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH },
  });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker started');
  await worker.run();
  await connection.close();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
