export * from './organisation-type';
export * from './encounter-format';
export * from './sector';
export * from './meaningful-checklist';
export * from './encounter-category';
