import type { Context } from '@temporalio/activity';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import type { Logger } from 'pino';
import { maskPersonalData } from '@onetrip/domain';
import { StepFailureStore } from './persistence/step-failure.store';

interface StepArguments {
  caseId?: string;
  department?: string;
  taskId?: string;
}

/** The case and department an activity works on: from its input, or from a task id `<case>.<dept>.<round>`. */
export function stepOf(args: readonly unknown[]): { caseId: string; department: string } | undefined {
  const input = (args[0] ?? {}) as StepArguments;
  if (input.caseId && input.department) return { caseId: input.caseId, department: input.department };
  const parts = input.taskId?.split('.');
  if (parts && parts.length === 3) return { caseId: parts[0], department: parts[1] };
  return undefined;
}

/**
 * Notes each failed attempt of a department's regular activity in `step_failures` (cleared on success), so
 * the stuck-case listing finds failing steps without asking Temporal about every case.
 */
export function stepFailureInterceptor(store: StepFailureStore, logger: Logger): ActivityInterceptorsFactory {
  // Steps this worker saw fail: an admin's retry restarts the attempt count at 1, so "attempt > 1"
  // alone would miss the success that ends the failure.
  const failed = new Set<string>();
  return (ctx: Context) => {
    const inbound: ActivityInboundCallsInterceptor = {
      async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
        const step = stepOf(input.args);
        try {
          const result = await next(input);
          const key = step && `${step.caseId}.${step.department}`;
          if (step && key && (ctx.info.attempt > 1 || failed.has(key))) {
            await store.clear(step.caseId, step.department);
            failed.delete(key);
          }
          return result;
        } catch (error) {
          // Temporal keeps a failure's message and stack readable in the history (not through the
          // payload codec), so an ID number or mobile quoted by an error is masked before it goes there.
          if (error instanceof Error) {
            error.message = maskPersonalData(error.message);
            if (error.stack) error.stack = maskPersonalData(error.stack);
          }
          // A local attempt is not recorded: the step is failing for the listing once it goes on as the regular activity
          // (process.workflow.ts), whose attempts the server counts from 1; counting both would show 2, then 1.
          if (step && !ctx.info.isLocal) {
            failed.add(`${step.caseId}.${step.department}`);
            const message = maskPersonalData(error instanceof Error ? error.message : String(error)).slice(0, 500);
            await store
              .recordFailure({ ...step, activity: ctx.info.activityType, attempt: ctx.info.attempt, error: message, at: new Date() })
              .catch((recordError: unknown) => logger.warn({ err: String(recordError) }, 'could not record a step failure'));
          }
          throw error;
        }
      },
    };
    return { inbound };
  };
}
