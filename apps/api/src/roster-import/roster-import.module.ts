import { Module } from '@nestjs/common';
import { LeaversService } from './leavers.service';
import { RosterImportController } from './roster-import.controller';
import { RosterImportService } from './roster-import.service';
import { RosterMappingStore } from './roster-mapping.store';

@Module({
  controllers: [RosterImportController],
  providers: [RosterImportService, LeaversService, RosterMappingStore],
  exports: [RosterImportService],
})
export class RosterImportModule {}
