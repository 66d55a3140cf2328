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
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Can, SignedIn } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { AttendancePutItemDto } from './dto/attendance-put-item.dto';
import { CreateEncounterDto, MAX_ATTENDEES } from './dto/create-encounter.dto';
import { EncounterListQueryDto } from './dto/encounter-list-query.dto';
import { UpdateEncounterDto } from './dto/update-encounter.dto';
import { ValidatedArrayPipe } from './dto/validated-array.pipe';
import { EncountersService } from './encounters.service';

/** Reads are scoped to what the reader sees; careers leads of the academy and trust administrators write. */
@ApiTags('encounters')
@Controller('encounters')
export class EncountersController {
  constructor(private readonly encounters: EncountersService) {}

  @Get()
  @SignedIn()
  list(@Query() query: EncounterListQueryDto, @CurrentUser() user: AuthUser) {
    return this.encounters.list(query, user);
  }

  @Get(':id')
  @SignedIn()
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.encounters.get(id, user);
  }

  @Post()
  @Can('logEncounter')
  create(@Body() dto: CreateEncounterDto, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.encounters.create(dto, { user, ip: request.ip ?? null });
  }

  @Patch(':id')
  @Can('logEncounter')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateEncounterDto,
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
  ) {
    return this.encounters.update(id, dto, { user, ip: request.ip ?? null });
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('logEncounter')
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.encounters.remove(id, { user, ip: request.ip ?? null });
  }

  @Put(':id/attendance')
  @Can('logEncounter')
  @ApiBody({ type: [AttendancePutItemDto] })
  replaceAttendance(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ValidatedArrayPipe(AttendancePutItemDto, MAX_ATTENDEES)) items: AttendancePutItemDto[],
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
  ) {
    return this.encounters.replaceAttendance(id, items, { user, ip: request.ip ?? null });
  }
}
