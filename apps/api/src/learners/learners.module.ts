import { Module } from '@nestjs/common';
import { GuidanceMeetingsModule } from '../guidance-meetings/guidance-meetings.module';
import { LearnersController } from './learners.controller';
import { LearnerDataService } from './learner-data.service';
import { LearnersService } from './learners.service';
import { PartTimeJobsController } from './part-time-jobs.controller';
import { PartTimeJobsService } from './part-time-jobs.service';

@Module({
  imports: [GuidanceMeetingsModule],
  controllers: [LearnersController, PartTimeJobsController],
  providers: [LearnersService, LearnerDataService, PartTimeJobsService],
  exports: [LearnersService],
})
export class LearnersModule {}
