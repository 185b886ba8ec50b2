import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsEntry } from './workflow-sources';

// Bundling with Temporal's own bundler catches a workflow import that cannot run in the sandbox
// (a Node built-in, a missing module) before any worker starts.
describe('workflow bundle', () => {
  it('bundles every workflow with Temporal’s bundler', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry(), webpackConfigHook: workflowBundlerOptions() });
    expect(code).toContain('pingWorkflow');
    expect(code.length).toBeGreaterThan(10_000);
    // The name-folding dictionaries (libs/domain's index) are the API's and the pages', not the sandbox's.
    expect(code).not.toMatch(/node_modules[\\/]opencc-js/);
  }, 120_000);
});
