export * from './demo-destinations';
export * from './demo-encounters';
export * from './demo-roster';
export * from './demo-trust';
