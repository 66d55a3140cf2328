import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GuidanceMeetingPageDto, GuidanceMeetingResponseDto } from './dto/guidance-meeting-response.dto';
import type { Request } from 'express';
import { Can, SignedIn } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
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
  list(@Query() query: GuidanceMeetingListQueryDto, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.meetings.list(query, { user, ip: request.ip ?? null });
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: GuidanceMeetingResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.meetings.get(id, { user, ip: request.ip ?? null });
  }

  @Post()
  @Can('recordGuidance')
  @ApiCreatedResponse({ type: GuidanceMeetingResponseDto })
  create(@Body() dto: CreateGuidanceMeetingDto, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.meetings.create(dto, { user, ip: request.ip ?? null });
  }

  @Patch(':id')
  @Can('recordGuidance')
  @ApiOkResponse({ type: GuidanceMeetingResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateGuidanceMeetingDto,
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
  ) {
    return this.meetings.update(id, dto, { user, ip: request.ip ?? null });
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('recordGuidance')
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.meetings.remove(id, { user, ip: request.ip ?? null });
  }
}
