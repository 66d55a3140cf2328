import { Module } from '@nestjs/common';
import { RosterImportModule } from '../../roster-import/roster-import.module';
import { UsersModule } from '../../users/users.module';
import { DemoEncountersSeeder } from './demo-encounters.seeder';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [UsersModule, RosterImportModule],
  providers: [DemoSeedService, DemoEncountersSeeder],
  exports: [DemoSeedService],
})
export class DemoSeedModule {}
