import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowInterceptorModules, workflowsEntry } from '../../libs/workflows/src/workflow-sources';

const ROOT = path.resolve(__dirname, '../..');

/** A checkout of what the workflow bundle is made of at `root`: the libraries' sources and node_modules (hard links). */
function checkoutAt(root: string): void {
  fs.mkdirSync(root, { recursive: true });
  for (const lib of ['libs/domain/src', 'libs/workflows/src']) fs.cpSync(path.join(ROOT, lib), path.join(root, lib), { recursive: true });
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(root, 'node_modules')]);
}

async function bundleAt(root: string): Promise<string> {
  // With the interceptor modules every worker's bundle carries (OpenTelemetry's, from node_modules, and ours).
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry(root), workflowInterceptorModules: workflowInterceptorModules(workflowsEntry(root)), webpackConfigHook: workflowBundlerOptions(root) });
  return code;
}

// Worker versioning keys on the build id, which Temporal derives from a hash of the bundle: a clone in
// another folder must bundle the same bytes.
describe('workflow bundle in any folder', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-bundle-'));
  const folders = [path.join(base, 'a'), path.join(base, 'deeper', 'and-deeper', 'another-clone-name')];
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('is byte for byte the same, with no absolute path in it, from two folders', async () => {
    folders.forEach(checkoutAt);
    const [first, second] = [await bundleAt(folders[0]), await bundleAt(folders[1])];
    const buildId = (code: string): string => createHash('sha256').update(code).digest('hex');
    for (const [code, folder] of [[first, folders[0]], [second, folders[1]]]) {
      expect(code).toContain('pingWorkflow');
      // The worker refuses a bundle without its inline source map.
      expect(code).toMatch(/\/\/# sourceMappingURL=data:application\/json[^,]*;base64,/);
      expect(code.includes(base)).toBe(false);
      expect(code.includes(folder)).toBe(false);
    }
    expect(buildId(second)).toBe(buildId(first));
    expect(second === first).toBe(true);
  }, 240_000);
});
