import { Body, Controller, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, SignedIn } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { UuidParam, Reads } from '../common/http/routes';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationListQueryDto } from './dto/organisation-list-query.dto';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { OrganisationsService } from './organisations.service';
import {
  OrganisationDetailResponseDto,
  OrganisationPageDto,
  OrganisationResponseDto,
} from './dto/organisation-response.dto';

/** The trust-wide directory: every signed-in member of staff reads it; careers leads keep it. */
@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @SignedIn()
  @Reads('Search the organisation directory, a page at a time', OrganisationPageDto)
  list(@Query() query: OrganisationListQueryDto, @CurrentUser() user: AuthUser) {
    return this.organisations.list(query, user);
  }

  @SignedIn()
  @Reads(
    'Read an organisation, who uses it and what the caller may change',
    OrganisationDetailResponseDto,
    ':id',
  )
  get(@UuidParam() id: string, @CurrentUser() user: AuthUser) {
    return this.organisations.get(id, user);
  }

  @Post()
  @Can('manageOrganisations')
  @ApiOperation({ summary: 'Add an organisation to the directory (409 names the existing one)' })
  @ApiCreatedResponse({ type: OrganisationResponseDto })
  create(@Body() dto: CreateOrganisationDto, @CurrentActor() { user, ip }: Actor) {
    return this.organisations.create(dto, user, ip);
  }

  @Patch(':id')
  @Can('manageOrganisations')
  @ApiOperation({ summary: 'Change an organisation (server-owned fields sent back are ignored)' })
  @ApiOkResponse({ type: OrganisationResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateOrganisationDto, @CurrentActor() { user, ip }: Actor) {
    return this.organisations.update(id, dto, user, ip);
  }
}
