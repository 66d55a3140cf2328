import { Module } from '@nestjs/common';
import { ActualDestinationsController } from './actual-destinations.controller';
import { ActualDestinationsService } from './actual-destinations.service';
import { Clock } from './clock';
import { NeetRiskController } from './neet-risk.controller';
import { NeetRiskService } from './neet-risk.service';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/**
 * After the move at 16 and 18 (R-DEST-3..5): the NEET-risk list, leavers' actual destinations, and the
 * retention job that pseudonymises leavers three years after they left. Its routes are registered before
 * the intended destinations' `/api/destinations/:id`, so that `neet-risk` and `actual` are never read as ids.
 */
@Module({
  controllers: [NeetRiskController, ActualDestinationsController],
  providers: [Clock, NeetRiskService, ActualDestinationsService, RetentionService, RetentionScheduler],
  exports: [Clock, RetentionService],
})
export class DestinationFollowUpModule {}
