module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js'],
  moduleNameMapper: {
    '^@encounters/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@encounters/demo-data$': '<rootDir>/../../tools/demo-data/src/index.ts',
  },
  // One real PostgreSQL database per run, shared by the test files, which therefore run one at a time.
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  maxWorkers: 1,
  testTimeout: 30000,
  coverageDirectory: '../../coverage/apps/api',
};
