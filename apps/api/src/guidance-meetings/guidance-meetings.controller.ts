import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GuidanceMeetingPageDto, GuidanceMeetingResponseDto } from './dto/guidance-meeting-response.dto';
import { Can, SignedIn } from '../common/access/access.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { Deletes, UuidParam } from '../common/http/routes';
import { CreateGuidanceMeetingDto } from './dto/create-guidance-meeting.dto';
import { GuidanceMeetingListQueryDto } from './dto/guidance-meeting-list-query.dto';
import { UpdateGuidanceMeetingDto } from './dto/update-guidance-meeting.dto';
import { GuidanceMeetingsService } from './guidance-meetings.service';

/**
 * Anyone who sees the learner sees the meeting; only careers staff of the learner's academy and trust
 * administrators see its summary and agreed actions, and each such read is audited.
 */
@ApiTags('guidance meetings')
@Controller('guidance-meetings')
export class GuidanceMeetingsController {
  constructor(private readonly meetings: GuidanceMeetingsService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: GuidanceMeetingPageDto })
  list(@Query() query: GuidanceMeetingListQueryDto, @CurrentActor() actor: Actor) {
    return this.meetings.list(query, actor);
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: GuidanceMeetingResponseDto })
  get(@UuidParam() id: string, @CurrentActor() actor: Actor) {
    return this.meetings.get(id, actor);
  }

  @Post()
  @Can('recordGuidance')
  @ApiCreatedResponse({ type: GuidanceMeetingResponseDto })
  create(@Body() dto: CreateGuidanceMeetingDto, @CurrentActor() actor: Actor) {
    return this.meetings.create(dto, actor);
  }

  @Patch(':id')
  @Can('recordGuidance')
  @ApiOkResponse({ type: GuidanceMeetingResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateGuidanceMeetingDto, @CurrentActor() actor: Actor) {
    return this.meetings.update(id, dto, actor);
  }

  @Deletes()
  @Can('recordGuidance')
  remove(@UuidParam() id: string, @CurrentActor() actor: Actor) {
    return this.meetings.remove(id, actor);
  }
}
