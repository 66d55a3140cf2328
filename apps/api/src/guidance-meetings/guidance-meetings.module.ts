import { Module } from '@nestjs/common';
import { GuidanceMeetingsController } from './guidance-meetings.controller';
import { GuidanceMeetingsService } from './guidance-meetings.service';

@Module({
  controllers: [GuidanceMeetingsController],
  providers: [GuidanceMeetingsService],
  exports: [GuidanceMeetingsService],
})
export class GuidanceMeetingsModule {}
