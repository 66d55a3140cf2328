import { Module } from '@nestjs/common';
import { LeaversService } from './leavers.service';
import { RosterImportController } from './roster-import.controller';
import { RosterImportService } from './roster-import.service';

@Module({
  controllers: [RosterImportController],
  providers: [RosterImportService, LeaversService],
  exports: [RosterImportService],
})
export class RosterImportModule {}
