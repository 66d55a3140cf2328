export * from './rule';
export * from './policy';
export * from './learner-record';
export * from './rule-status';
export * from './evaluate-learner';
export * from './coverage';
export * from './learner-progress';
export * from './coverage-key';
