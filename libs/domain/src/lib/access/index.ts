export * from './roles';
export * from './abilities';
export * from './pages';
