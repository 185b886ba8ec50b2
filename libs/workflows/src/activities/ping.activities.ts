import type { PingResult } from '../contracts';

export interface PingStore {
  /** Inserts the row once; a retry with the same workflow id returns the existing row. */
  recordOnce(workflowId: string, message: string): Promise<{ recordedAt: Date }>;
}

export function createPingActivities(deps: { pings: PingStore }) {
  return {
    async recordPing(input: { workflowId: string; message: string }): Promise<PingResult> {
      const row = await deps.pings.recordOnce(input.workflowId, input.message);
      return { workflowId: input.workflowId, message: input.message, recordedAt: row.recordedAt.toISOString() };
    },
  };
}

export type PingActivities = ReturnType<typeof createPingActivities>;
