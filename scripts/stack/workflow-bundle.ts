import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { workflowBundlerOptions, workflowInterceptorModules } from '../../libs/workflows/src/workflow-sources';
import { ROOT } from './app-process';

/**
 * Bundles the workflow code once (from the compiled output, where path aliases are already
 * rewritten) so that several workers can start without each running webpack.
 */
export async function writeWorkflowBundle(outFile: string, workflowsPath = path.join(ROOT, 'dist/apps/worker/libs/workflows/src/workflows/index.js')): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: workflowInterceptorModules(workflowsPath),
    // Paths relative to the checkout: the same commit bundles the same bytes (and build id) in any folder.
    webpackConfigHook: workflowBundlerOptions(ROOT),
    logger: new DefaultLogger('WARN'),
  });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, code);
  return outFile;
}
