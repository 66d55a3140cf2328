import { Module } from '@nestjs/common';
import { GuidanceMeetingsModule } from '../guidance-meetings/guidance-meetings.module';
import { LearnersController } from './learners.controller';
import { LearnerDataService } from './learner-data.service';
import { LearnersService } from './learners.service';

@Module({
  imports: [GuidanceMeetingsModule],
  controllers: [LearnersController],
  providers: [LearnersService, LearnerDataService],
  exports: [LearnersService],
})
export class LearnersModule {}
