export * from './sector-reach';
