const esmOnlyPackages = require('./esm-only-packages.cjs');

module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
    '/node_modules/.+\\.m?js$': '<rootDir>/test/esm-to-cjs.cjs',
  },
  // Ignores a dependency's file unless it lies in one of those packages, at whatever depth it is installed.
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esmOnlyPackages.join('|')})/).*/node_modules/`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs'],
  moduleNameMapper: {
    '^@encounters/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@encounters/demo-data$': '<rootDir>/../../tools/demo-data/src/index.ts',
  },
  // One real PostgreSQL database per run, shared by the test files, which therefore run one at a time.
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  setupFilesAfterEnv: ['<rootDir>/test/openapi-conformance.setup.ts'],
  maxWorkers: 1,
  testTimeout: 30000,
  coverageDirectory: '../../coverage/apps/api',
};
