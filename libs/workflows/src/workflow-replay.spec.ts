import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsEntry } from './workflow-sources';

const HISTORY_DIR = path.resolve(__dirname, '../../../test/replay/histories');
const files = fs.existsSync(HISTORY_DIR) ? fs.readdirSync(HISTORY_DIR).filter((file) => file.endsWith('.json')).sort() : [];

// Histories recorded from real runs of each path (RECORD_HISTORIES=1 ./onetrip test) must replay
// through the current workflow code without a non-determinism error: a change that would break
// running cases fails here, not in production.
describe('replaying recorded case histories through the current workflow code', () => {
  let workflowBundle: { code: string };

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    workflowBundle = await bundleWorkflowCode({ workflowsPath: workflowsEntry(), webpackConfigHook: workflowBundlerOptions(), logger: new DefaultLogger('WARN') });
  }, 120_000);

  it('has a recorded history for each path', () => {
    const paths = files.map((file) => file.replace(/\.json$/, ''));
    expect(paths).toEqual(expect.arrayContaining(['happy-path', 'auto-mode', 'correction', 'refusal', 'cancellation', 'overdue']));
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORY_DIR, file), 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle }, history, file)).resolves.toBeUndefined();
  }, 60_000);
});
