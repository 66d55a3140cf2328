import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GuidanceMeetingsModule } from '../guidance-meetings/guidance-meetings.module';
import { Enrolment } from './enrolment.entity';
import { Learner } from './learner.entity';
import { LearnersController } from './learners.controller';
import { LearnerDataService } from './learner-data.service';
import { LearnersService } from './learners.service';

@Module({
  imports: [TypeOrmModule.forFeature([Learner, Enrolment]), GuidanceMeetingsModule],
  controllers: [LearnersController],
  providers: [LearnersService, LearnerDataService],
  exports: [LearnersService],
})
export class LearnersModule {}
