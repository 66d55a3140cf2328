export * from './iso-date';
export * from './academic-year';
export * from './year-group';
