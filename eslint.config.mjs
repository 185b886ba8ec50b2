// Lint, and the house's walls: imports only point downward (see docs/ARCHITECTURE.md).
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'util', 'stream', 'events', 'worker_threads', 'process', 'timers'];
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'pg', 'class-validator', 'class-transformer', 'pino', 'pino-http'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', 'coverage/**', 'test-results/**', 'web/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The domain is plain TypeScript: no framework, no Node, no other room of the house.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...NODE_BUILTINS, ...FRAMEWORKS, '@temporalio/*', '@onetrip/*'], message: 'libs/domain imports no framework, Node built-in or other room: keep it plain TypeScript (pure data/JS libraries such as opencc-js are fine).' }] },
      ],
    },
  },
  {
    files: ['libs/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'pg', '**/apps/**'], message: 'libs/workflows depends only on libs/domain and Temporal.' }] },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox (this block comes after the one for the
    // whole library: a later block's options for the same rule replace the earlier ones): no I/O, no Node, no frameworks;
    // activities are referenced by type only.
    files: ['libs/workflows/src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_BUILTINS, ...FRAMEWORKS, '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@onetrip/infrastructure'], message: 'Workflow code must stay deterministic: no Node built-ins, frameworks or I/O.' },
            { group: ['../activities', '../activities/*'], allowTypeImports: true, message: 'Import activities with `import type` only.' },
            { group: ['**/apps/**'], message: 'libs/workflows depends only on libs/domain and Temporal.' },
          ],
          paths: [
            { name: '@onetrip/domain', allowTypeImports: true, message: 'Import domain modules by path (@onetrip/domain/case/…): the index carries the name-folding dictionaries, which the sandbox does not need.' },
          ],
        },
      ],
    },
  },
  {
    // The API talks to Temporal through the contracts alone; activities and workflow code are the worker's.
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@onetrip/workflows(?!/contracts$)', message: 'The API imports @onetrip/workflows/contracts only.' },
            { group: ['@temporalio/worker', '@temporalio/workflow', '**/apps/worker/**'], message: 'The API is not a worker.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/api/**', '@nestjs/*'], message: 'The worker does not depend on the API.' }] }] },
  },
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
