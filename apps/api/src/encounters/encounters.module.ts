import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Attendance } from './attendance.entity';
import { DemoEncountersSeeder } from './demo-encounters.seeder';
import { EncounterOrganisation } from './encounter-organisation.entity';
import { Encounter } from './encounter.entity';
import { EncountersController } from './encounters.controller';
import { EncountersService } from './encounters.service';

@Module({
  imports: [TypeOrmModule.forFeature([Encounter, EncounterOrganisation, Attendance])],
  controllers: [EncountersController],
  providers: [EncountersService, DemoEncountersSeeder],
  exports: [EncountersService, DemoEncountersSeeder],
})
export class EncountersModule {}
