import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, SignedIn } from '../common/access/access.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { Deletes, UuidParam } from '../common/http/routes';
import { CreatePartTimeJobDto, PartTimeJobResponseDto, UpdatePartTimeJobDto } from './dto/part-time-job.dto';
import { PartTimeJobsService } from './part-time-jobs.service';

/**
 * R-WEX-7: a learner's part-time jobs. Whoever sees the learner sees them; those who edit the learner record
 * at one of the learner's academies record them. 404 for a learner outside the caller's scope.
 */
@ApiTags('learners')
@Controller('learners/:learnerId/part-time-jobs')
export class PartTimeJobsController {
  constructor(private readonly jobs: PartTimeJobsService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: [PartTimeJobResponseDto], description: 'The latest first.' })
  @ApiNotFoundResponse({ description: 'No such learner, or not one the caller may see.' })
  list(@UuidParam('learnerId') learnerId: string, @CurrentActor() actor: Actor) {
    return this.jobs.list(learnerId, actor.user);
  }

  @Post()
  @Can('editLearnerRecord')
  @ApiCreatedResponse({ type: PartTimeJobResponseDto })
  @ApiNotFoundResponse({ description: 'No such learner, or not one the caller edits.' })
  create(
    @UuidParam('learnerId') learnerId: string,
    @Body() dto: CreatePartTimeJobDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.jobs.create(learnerId, dto, actor);
  }

  @Patch(':jobId')
  @Can('editLearnerRecord')
  @ApiOkResponse({ type: PartTimeJobResponseDto })
  @ApiNotFoundResponse({ description: 'No such learner or job, or not one the caller edits.' })
  update(
    @UuidParam('learnerId') learnerId: string,
    @UuidParam('jobId') jobId: string,
    @Body() dto: UpdatePartTimeJobDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.jobs.update(learnerId, jobId, dto, actor);
  }

  @Deletes(':jobId')
  @Can('editLearnerRecord')
  @ApiNotFoundResponse({ description: 'No such learner or job, or not one the caller edits.' })
  remove(
    @UuidParam('learnerId') learnerId: string,
    @UuidParam('jobId') jobId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.jobs.remove(learnerId, jobId, actor);
  }
}
