// The walking skeleton: one activity writes one row.
export const PING_WORKFLOW = 'pingWorkflow';

export interface PingInput {
  message: string;
}

export interface PingResult {
  workflowId: string;
  message: string;
  recordedAt: string;
}
