import { Body, Controller, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rolesWith } from '@encounters/domain';
import { Allow, Can } from '../common/access/access.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { Reads } from '../common/http/routes';
import { ActualDestinationsService } from './actual-destinations.service';
import {
  ActualDestinationsQueryDto,
  LeaverCohortsQueryDto,
  LeaverRowDto,
  LeaversCohortDto,
  LeaversCohortSummaryDto,
  RecordActualDestinationDto,
} from './dto/actual-destination.dto';

/** Those who record destinations, and those who read reports: each at their own academies. */
const ReadsLeavers = () =>
  Allow(...new Set([...rolesWith('recordDestinations'), ...rolesWith('readReports')]));

/**
 * R-DEST-4, R-DEST-5: leavers' actual destinations on 1 October of the three years after leaving, and each
 * cohort's share in education, employment or training.
 */
@ApiTags('destinations')
@Controller('destinations/actual')
export class ActualDestinationsController {
  constructor(private readonly destinations: ActualDestinationsService) {}

  @ReadsLeavers()
  @Reads("A cohort of an academy's leavers, with their destinations and figures", LeaversCohortDto)
  cohort(@Query() query: ActualDestinationsQueryDto, @CurrentActor() actor: Actor) {
    return this.destinations.cohort(query, actor);
  }

  @ReadsLeavers()
  @Reads("The years an academy's leavers left in, the latest first", [LeaversCohortSummaryDto], 'cohorts')
  cohorts(@Query() query: LeaverCohortsQueryDto, @CurrentActor() actor: Actor) {
    return this.destinations.cohorts(query, actor);
  }

  @Put()
  @Can('recordDestinations')
  @ApiOperation({ summary: 'Record what a leaver was doing at an anniversary, and their consent' })
  @ApiOkResponse({ type: LeaverRowDto })
  @ApiNotFoundResponse({
    description: 'No such learner, or not a leaver of an academy the caller records for.',
  })
  record(@Body() dto: RecordActualDestinationDto, @CurrentActor() actor: Actor) {
    return this.destinations.record(dto, actor);
  }
}
