export * from './upn';
export * from './roster-fields';
export * from './roster-headers';
export * from './roster-row-error';
export * from './roster-values';
export * from './roster-row';
export * from './roster';
export * from './roster-changes';
