import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { decodeHistoryJson, showHistoryJson } from './history-json';
import { testPayloadCodec } from './case-fixtures';

export const HISTORY_DIR = path.resolve(__dirname, '../replay/histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history under test/replay/histories/ so the
 * replay test can run it through later versions of the workflow code. Otherwise does nothing.
 * The Temporal CLI writes the same JSON that the SDK's historyFromJSON reads; its payloads are
 * decoded with the run's key first (the key dies with the run; the sample data is fictional).
 */
export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  await handle.result().catch(() => undefined);
  const json = await decodeHistoryJson(showHistoryJson(handle.workflowId), testPayloadCodec());
  fs.mkdirSync(HISTORY_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORY_DIR, `${name}.json`), json);
}

/** Where processWorkflow's recorded histories go, one sub-folder per definition (`<key>/<path>.json`). */
export const PROCESS_HISTORY_DIR = path.join(HISTORY_DIR, 'process');

/**
 * With RECORD_HISTORIES=1, saves a finished processWorkflow's history under test/replay/histories/process/
 * (`name` is `<definition key>/<path>`). Its payloads are plain (the fast tier's environment has no codec).
 */
export async function recordProcessHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  await handle.result().catch(() => undefined);
  const file = path.join(PROCESS_HISTORY_DIR, `${name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, historyToJSON(await handle.fetchHistory()));
}
