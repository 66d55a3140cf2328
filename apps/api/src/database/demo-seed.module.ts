import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
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

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_DEMO_IF_EMPTY) return;
    const { seedDemoTrust } = await loadSeedBundle();
    await seedDemoTrust(
      seedDependencies((type) => this.moduleRef.get(type, { strict: false })),
      { onlyIfEmpty: true },
    );
  }
}

@Module({
  imports: [UsersModule, RosterImportModule, CoverageModule],
  providers: [DemoSeedOnStart],
})
export class DemoSeedModule {}
