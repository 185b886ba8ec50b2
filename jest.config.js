// Two projects: `unit` needs no servers; `integration` shares one real PostgreSQL + Temporal
// started by test/setup/global-setup.ts and stopped by global-teardown.ts.
const moduleNameMapper = {
  '^@onetrip/(domain|workflows|infrastructure)$': '<rootDir>/libs/$1/src',
  '^@onetrip/(domain|workflows|infrastructure)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  // A global option (jest ignores it inside a project): integration tests wait on real servers.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
