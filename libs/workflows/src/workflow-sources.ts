import * as path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

// This file sits at libs/workflows/src/ in the sources and at <out>/libs/workflows/src/ when compiled.
const LIB_SRC = __dirname;
const ROOT = path.resolve(LIB_SRC, '../../..');

type WebpackConfigHook = NonNullable<BundleOptions['webpackConfigHook']>;
type ModuleFilenameInfo = { absoluteResourcePath: string };

// A module's name may hold the root anywhere ('ignored|<root>/node_modules/…|name') or be no path at all (webpack/runtime/…).
function withoutRoot(name: string, root: string): string {
  return name.split(root + path.sep).join('').split(path.sep).join('/');
}

/** The workflow entry file next to this one (.ts under ts-jest, .js when compiled). */
export function workflowsEntry(root = ROOT): string {
  return path.join(root, 'libs/workflows/src', 'workflows', 'index' + path.extname(__filename));
}

/**
 * Workflow interceptor modules every bundle carries: ours, which puts request ids on the workflow's log lines and
 * passes each request's trace header on, and brings in OpenTelemetry's for a workflow whose start was traced, so
 * its spans join the trace of the request that started it (request-context.interceptors.ts).
 */
export function workflowInterceptorModules(entry = workflowsEntry()): string[] {
  // Beside the entry: sources under ts-jest, compiled output for the worker and the prebuilt bundle.
  return [path.join(path.dirname(entry), 'request-context.interceptors' + path.extname(entry))];
}

/**
 * Bundler options that resolve our path aliases (for bundling the TypeScript sources; the compiled
 * output has them rewritten already) and keep the bundle free of absolute paths, so the same commit
 * gives the same bundle, and so the same worker build id (a hash of the bundle), in any folder.
 * `root` is the folder paths in the bundle are written relative to.
 */
export function workflowBundlerOptions(root = ROOT): WebpackConfigHook {
  return (config) => {
    const alias = {
      '@onetrip/domain': path.join(root, 'libs/domain/src'),
      '@onetrip/workflows': path.join(root, 'libs/workflows/src'),
    };
    config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string> | undefined), ...alias } };
    // Module ids relative to the project, not to the working directory (webpack's default).
    config.context = root;
    config.output = {
      ...config.output,
      // Webpack's hash of the build (in the default file name, which the source map names) covers absolute paths.
      filename: 'workflow-bundle.js',
      // Comments that name each module by its request, which for the entry is an absolute path.
      pathinfo: false,
      // Temporal names sources by absolute path.
      devtoolModuleFilenameTemplate: (info: ModuleFilenameInfo) => `onetrip:///${withoutRoot(info.absoluteResourcePath, root)}`,
    };
    // The worker wants an inline source map. Lines only, no sources' text: Temporal's generated entry file
    // requires the workflows file by its absolute path, which would shift that file's columns and is in its text.
    config.devtool = 'inline-nosources-cheap-module-source-map';
    return config;
  };
}
