// One Jest config, four tiers. `npm test` runs them all; `npm run test:<tier>` runs one.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const aliases = {
  '^@app/(config|database|domain|queue|common|matching|mail|outbox|contracts|synthetic|i18n)$':
    '<rootDir>/libs/$1/src/index.ts',
  '^@app/contracts/vocabulary$': '<rootDir>/libs/contracts/src/vocabulary.ts',
  '^@app/i18n/browser$': '<rootDir>/libs/i18n/src/browser.ts',
};

const base = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|stream-json|stream-chain|intl-messageformat|@formatjs)/)'],
  moduleNameMapper: aliases,
  testEnvironment: 'node',
};

module.exports = {
  // Once per run, for every tier: a fresh database and queue prefix (test/support/global-setup.ts); unit and
  // integration files share that database, e2e and browser files each work on a copy of their own.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Tiers that start processes and browsers need more than the default 5 s (a global option in Jest).
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // Each file: its own database (a copy of the run's seeded template) and queue prefix.
      setupFilesAfterEnv: ['<rootDir>/test/support/own-world.ts'],
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/own-world.ts'],
    },
  ],
};
