export * from './lib/calendar';
export * from './lib/taxonomy';
export * from './lib/rules';
export * from './lib/roster';
export * from './lib/access';
export * from './lib/contracts';
export * from './lib/metrics';
export * from './lib/random';
