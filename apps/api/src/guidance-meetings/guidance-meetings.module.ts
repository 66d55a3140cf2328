import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GuidanceMeeting } from './guidance-meeting.entity';
import { GuidanceMeetingsController } from './guidance-meetings.controller';
import { GuidanceMeetingsService } from './guidance-meetings.service';

@Module({
  imports: [TypeOrmModule.forFeature([GuidanceMeeting])],
  controllers: [GuidanceMeetingsController],
  providers: [GuidanceMeetingsService],
  exports: [GuidanceMeetingsService],
})
export class GuidanceMeetingsModule {}
