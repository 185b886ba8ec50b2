import * as path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

// This file sits at libs/workflows/src/ in the sources and at <out>/libs/workflows/src/ when compiled.
const LIB_SRC = __dirname;
const ROOT = path.resolve(LIB_SRC, '../../..');

/** The workflow entry file next to this one (.ts under ts-jest, .js when compiled). */
export function workflowsEntry(): string {
  return path.join(LIB_SRC, 'workflows', 'index' + path.extname(__filename));
}

/**
 * Bundler options that resolve our path aliases, for bundling the TypeScript sources
 * (the compiled output has them rewritten already, so there they are harmless).
 */
export function workflowBundlerOptions(): NonNullable<BundleOptions['webpackConfigHook']> {
  return (config) => {
    const alias = {
      '@onetrip/domain': path.join(ROOT, 'libs/domain/src'),
      '@onetrip/workflows': path.join(ROOT, 'libs/workflows/src'),
    };
    config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string> | undefined), ...alias } };
    return config;
  };
}
