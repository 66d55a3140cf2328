import { Module } from '@nestjs/common';
import { DemoEncountersSeeder } from './demo-encounters.seeder';
import { EncountersController } from './encounters.controller';
import { EncountersService } from './encounters.service';

@Module({
  controllers: [EncountersController],
  providers: [EncountersService, DemoEncountersSeeder],
  exports: [EncountersService, DemoEncountersSeeder],
})
export class EncountersModule {}
