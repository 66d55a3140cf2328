import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import { RosterImportService } from '../roster-import/roster-import.service';
import { UsersService } from '../users/users.service';
import type { SeedDependencies } from './seed/demo-seed';

export type SeedBundle = typeof import('./seed/seed-bundle');

/**
 * Loads the demo seeding. Built, it is a bundle of its own beside main.js and cli.js (`seed.js`; the build
 * turns this import into `require('./seed.js')` and checks that neither holds tools/demo-data); from source
 * (the tests) it is the TypeScript module. Only the seed folder may import tools/demo-data (eslint.config.mjs).
 */
export async function loadSeedBundle(): Promise<SeedBundle> {
  try {
    return await import('./seed/seed-bundle');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (
      (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') &&
      /seed(\.js|-bundle)/.test(message)
    )
      throw new Error(
        'The demo seeding (seed.js beside main.js) is not installed: build it with npm run build.',
      );
    throw error;
  }
}

/** The running API's instances that seeding writes through, from its `app.get` or `moduleRef.get`. */
export function seedDependencies(get: <T>(type: Type<T>) => T): SeedDependencies {
  return {
    dataSource: get(DataSource),
    users: get(UsersService),
    rosters: get(RosterImportService),
    progress: get(LearnerProgressService),
  };
}
