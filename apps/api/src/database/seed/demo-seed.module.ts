import { Module } from '@nestjs/common';
import { EncountersModule } from '../../encounters/encounters.module';
import { RosterImportModule } from '../../roster-import/roster-import.module';
import { UsersModule } from '../../users/users.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [UsersModule, RosterImportModule, EncountersModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoSeedModule {}
