import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { PingActivities } from '../activities/ping.activities';
import type { PingInput, PingResult } from '../contracts';

const { recordPing } = proxyActivities<PingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumInterval: '5 seconds' },
});

export async function pingWorkflow(input: PingInput): Promise<PingResult> {
  return recordPing({ workflowId: workflowInfo().workflowId, message: input.message });
}
