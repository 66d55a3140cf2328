export * from './encounter-labels';
export * from './learner-labels';
export * from './organisation-labels';
export * from './role-labels';
export * from './rule-labels';
export * from './audit-labels';
export * from './counting-labels';
export * from './destination-labels';
