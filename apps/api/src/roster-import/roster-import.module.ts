import { Module } from '@nestjs/common';
import { LeaversService } from './leavers.service';
import { MoveRequestsController } from './move-requests.controller';
import { MoveRequestsService } from './move-requests.service';
import { RosterImportController } from './roster-import.controller';
import { RosterImportService } from './roster-import.service';
import { RosterMappingStore } from './roster-mapping.store';

@Module({
  controllers: [RosterImportController, MoveRequestsController],
  providers: [RosterImportService, LeaversService, RosterMappingStore, MoveRequestsService],
  exports: [RosterImportService],
})
export class RosterImportModule {}
