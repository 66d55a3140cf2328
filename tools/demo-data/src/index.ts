export * from './lib/demo';
export * from './lib/generate-trust';
export * from './lib/presets';
export * from './lib/seeded-random';
