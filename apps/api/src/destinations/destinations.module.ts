import { Module } from '@nestjs/common';
import { DestinationImportController } from './destination-import.controller';
import { DestinationsController } from './destinations.controller';
import { DestinationsService } from './destinations.service';

/**
 * R-DEST-1: intended destinations. Registered after the module that serves `/destinations/neet-risk` and
 * `/destinations/actual`; the `:id` routes here take only UUIDs, so those paths never reach them.
 */
@Module({
  controllers: [DestinationsController, DestinationImportController],
  providers: [DestinationsService],
  exports: [DestinationsService],
})
export class DestinationsModule {}
