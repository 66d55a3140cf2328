import { Body, Controller, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, SignedIn } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { Deletes, UuidParam, Reads } from '../common/http/routes';
import { attendanceItemPlainlyValid, AttendancePutItemDto } from './dto/attendance-put-item.dto';
import { AttendancePutQueryDto } from './dto/attendance-put-query.dto';
import { CreateEncounterDto, MAX_ATTENDEES } from './dto/create-encounter.dto';
import { EncounterListQueryDto } from './dto/encounter-list-query.dto';
import { UpdateEncounterDto } from './dto/update-encounter.dto';
import { ValidatedArrayPipe } from './dto/validated-array.pipe';
import { EncountersService } from './encounters.service';
import { EncounterPageDto, EncounterResponseDto } from './dto/encounter-response.dto';

/** Reads are scoped to what the reader sees; careers leads of the academy and trust administrators write. */
@ApiTags('encounters')
@Controller('encounters')
export class EncountersController {
  constructor(private readonly encounters: EncountersService) {}

  @SignedIn()
  @Reads('List the encounters the caller can see, a page at a time', EncounterPageDto)
  list(@Query() query: EncounterListQueryDto, @CurrentUser() user: AuthUser) {
    return this.encounters.list(query, user);
  }

  @SignedIn()
  @Reads('Read an encounter with its attendance', EncounterResponseDto, ':id')
  get(@UuidParam() id: string, @CurrentUser() user: AuthUser) {
    return this.encounters.get(id, user);
  }

  @Post()
  @Can('logEncounter')
  @ApiOperation({ summary: 'Log an encounter and who attended' })
  @ApiCreatedResponse({ type: EncounterResponseDto })
  create(@Body() dto: CreateEncounterDto, @CurrentActor() actor: Actor) {
    return this.encounters.create(dto, actor);
  }

  @Patch(':id')
  @Can('logEncounter')
  @ApiOperation({
    summary: 'Change an encounter, and add to or replace its attendance list, in one transaction',
    description:
      'Server-owned fields sent back are ignored. With `replaceAttendance`, the facts and the whole list ' +
      'change together and each learner\u2019s coverage is recomputed once; a change that cannot alter what ' +
      'the encounter evidences (title, notes, organiser, links) recomputes nothing.',
  })
  @ApiOkResponse({ type: EncounterResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateEncounterDto, @CurrentActor() actor: Actor) {
    return this.encounters.update(id, dto, actor);
  }

  @Deletes()
  @Can('logEncounter')
  @ApiOperation({ summary: 'Delete an encounter' })
  remove(@UuidParam() id: string, @CurrentActor() actor: Actor) {
    return this.encounters.remove(id, actor);
  }

  @Put(':id/attendance')
  @Can('logEncounter')
  @ApiBody({ type: [AttendancePutItemDto] })
  @ApiOperation({ summary: 'Replace the attendance list of an encounter' })
  @ApiOkResponse({ type: EncounterResponseDto })
  replaceAttendance(
    @UuidParam() id: string,
    @Body(new ValidatedArrayPipe(AttendancePutItemDto, MAX_ATTENDEES, attendanceItemPlainlyValid))
    items: AttendancePutItemDto[],
    @Query() query: AttendancePutQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.encounters.replaceAttendance(id, items, actor, query.confirmDistinct);
  }
}
