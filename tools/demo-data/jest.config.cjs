module.exports = {
  displayName: 'demo-data',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js'],
  moduleNameMapper: { '^@encounters/domain$': '<rootDir>/../../libs/domain/src/index.ts' },
};
