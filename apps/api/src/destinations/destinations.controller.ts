import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, SignedIn } from '../common/access/access.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { Deletes, PostAction, UuidParam } from '../common/http/routes';
import { DestinationBatchPipe } from './destination-batch.pipe';
import { DestinationsService } from './destinations.service';
import { CreateIntendedDestinationDto } from './dto/create-intended-destination.dto';
import { DestinationBatchDto, DestinationBatchResultDto } from './dto/destination-batch.dto';
import { DestinationListQueryDto } from './dto/destination-list-query.dto';
import {
  DestinationRegisterDto,
  IntendedDestinationResponseDto,
} from './dto/intended-destination-response.dto';
import { UpdateIntendedDestinationDto } from './dto/update-intended-destination.dto';

/**
 * R-DEST-1: intended destinations of Years 11 and 13. Whoever sees the learner sees the destination (teachers
 * their groups' learners); careers staff and advisers of the learner's academy and trust administrators
 * record them and read their notes, each read of notes audited.
 */
@ApiTags('destinations')
@Controller('destinations')
export class DestinationsController {
  constructor(private readonly destinations: DestinationsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: "The register of an academy's Years 11 and 13 with their intended destinations" })
  @ApiOkResponse({ type: DestinationRegisterDto, description: 'Sorted by group, then name.' })
  register(@Query() query: DestinationListQueryDto, @CurrentActor() actor: Actor) {
    return this.destinations.register(query, actor);
  }

  @Post()
  @Can('recordDestinations')
  @ApiOperation({ summary: "Record a learner's intended destination for the year" })
  @ApiCreatedResponse({ type: IntendedDestinationResponseDto })
  create(@Body() dto: CreateIntendedDestinationDto, @CurrentActor() actor: Actor) {
    return this.destinations.create(dto, actor);
  }

  @PostAction('batch')
  @Can('recordDestinations')
  @ApiOperation({ summary: "Record a class's intended destinations at once, merged per learner" })
  @ApiOkResponse({ type: DestinationBatchResultDto })
  batch(@Body(DestinationBatchPipe) dto: DestinationBatchDto, @CurrentActor() actor: Actor) {
    return this.destinations.batch(dto, actor);
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: IntendedDestinationResponseDto })
  get(@UuidParam() id: string, @CurrentActor() actor: Actor) {
    return this.destinations.get(id, actor);
  }

  @Patch(':id')
  @Can('recordDestinations')
  @ApiOkResponse({ type: IntendedDestinationResponseDto, description: 'A new status adds a dated change.' })
  update(@UuidParam() id: string, @Body() dto: UpdateIntendedDestinationDto, @CurrentActor() actor: Actor) {
    return this.destinations.update(id, dto, actor);
  }

  @Deletes()
  @Can('recordDestinations')
  remove(@UuidParam() id: string, @CurrentActor() actor: Actor) {
    return this.destinations.remove(id, actor);
  }
}
