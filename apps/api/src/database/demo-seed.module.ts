import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DEMO_USERS, demoUsersBanner } from '../auth/demo-users';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CoverageModule } from '../coverage/coverage.module';
import { RosterImportModule } from '../roster-import/roster-import.module';
import { UsersModule } from '../users/users.module';
import { loadSeedBundle, seedDependencies } from './seed-loader';

/** With SEED_DEMO_IF_EMPTY, seeds the demo trust into an empty database at start-up, from the seed bundle. */
@Injectable()
export class DemoSeedOnStart implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Whether this process seeded the demo trust as it started (the first start on an empty database). */
  private seededAtStart = false;

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_DEMO_IF_EMPTY) return;
    const { seedDemoTrust } = await loadSeedBundle();
    this.seededAtStart = await seedDemoTrust(
      seedDependencies((type) => this.moduleRef.get(type, { strict: false })),
      { onlyIfEmpty: true },
    );
  }

  /**
   * What the terminal shows once, just before "Encounters is ready at …", on the start that made the demo
   * trust in demo mode: who to sign in as. Null on any other start.
   */
  startBanner(): string | null {
    return this.seededAtStart && this.config.DEMO_MODE ? demoUsersBanner(DEMO_USERS) : null;
  }
}

@Module({
  imports: [UsersModule, RosterImportModule, CoverageModule],
  providers: [DemoSeedOnStart],
})
export class DemoSeedModule {}
