import type { AppUnderTest } from './app-under-test';

// Global set-up and tear-down run in the same runner process but may be loaded as separate module
// instances, so the running app is kept on the global object rather than in a module variable.
const KEY = Symbol.for('encounters.e2e.app');

type WithApp = typeof globalThis & { [KEY]?: AppUnderTest };

export function runningApp(): AppUnderTest | undefined {
  return (globalThis as WithApp)[KEY];
}

export function setRunningApp(app: AppUnderTest | undefined): void {
  (globalThis as WithApp)[KEY] = app;
}
