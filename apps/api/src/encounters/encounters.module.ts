import { Module } from '@nestjs/common';
import { AttendanceService } from './attendance.service';
import { EncountersController } from './encounters.controller';
import { EncountersService } from './encounters.service';

@Module({
  controllers: [EncountersController],
  providers: [EncountersService, AttendanceService],
  exports: [EncountersService],
})
export class EncountersModule {}
