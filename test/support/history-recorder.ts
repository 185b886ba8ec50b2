import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporalBinary } from '../../scripts/stack/temporal-dev-server';
import { testStack } from './test-stack';

export const HISTORY_DIR = path.resolve(__dirname, '../replay/histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history under test/replay/histories/ so the
 * replay test can run it through later versions of the workflow code. Otherwise does nothing.
 * The Temporal CLI writes the same JSON that the SDK's historyFromJSON reads.
 */
export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  await handle.result().catch(() => undefined);
  const json = execFileSync(
    temporalBinary(),
    ['workflow', 'show', '--workflow-id', handle.workflowId, '--address', testStack().temporalAddress, '--output', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  fs.mkdirSync(HISTORY_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORY_DIR, `${name}.json`), json);
}
