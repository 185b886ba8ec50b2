// Two projects: `unit` needs no servers; `integration` shares one real PostgreSQL + Temporal
// started by test/setup/global-setup.ts and stopped by global-teardown.ts.
//
// Two jest workers (ONETRIP_TEST_WORKERS overrides): integration files wait on Temporal and PostgreSQL
// much of the time, so two overlap well even on two cores. Each worker is a "lane" with its own
// database, task queue, worker and API on the shared servers (testStack() returns the lane of the
// calling jest worker), so a file never sees rows written by a file running beside it: counting or
// fingerprinting whole tables, locking a table or listing the admin's cases stays safe. What lanes
// still share: the CPU, the Temporal server (workflow ids are per case) and the PostgreSQL cluster
// (roles; pg_stat_activity shows every lane: filter it by `datname = current_database()`).
// Files run one at a time within a lane, as before; nothing needs marking.
const moduleNameMapper = {
  '^@onetrip/(domain|workflows|infrastructure)$': '<rootDir>/libs/$1/src',
  '^@onetrip/(domain|workflows|infrastructure)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  // A global option (jest ignores it inside a project): integration tests wait on real servers.
  testTimeout: 120000,
  maxWorkers: Number(process.env.ONETRIP_TEST_WORKERS) || 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,bench}/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
