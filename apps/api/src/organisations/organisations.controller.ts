import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Can, SignedIn } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
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

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Search the organisation directory, a page at a time' })
  @ApiOkResponse({ type: OrganisationPageDto })
  list(@Query() query: OrganisationListQueryDto, @CurrentUser() user: AuthUser) {
    return this.organisations.list(query, user);
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'Read an organisation, who uses it and what the caller may change' })
  @ApiOkResponse({ type: OrganisationDetailResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.organisations.get(id, user);
  }

  @Post()
  @Can('manageOrganisations')
  @ApiOperation({ summary: 'Add an organisation to the directory (409 names the existing one)' })
  @ApiCreatedResponse({ type: OrganisationResponseDto })
  create(@Body() dto: CreateOrganisationDto, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.organisations.create(dto, user, request.ip ?? null);
  }

  @Patch(':id')
  @Can('manageOrganisations')
  @ApiOperation({ summary: 'Change an organisation (server-owned fields sent back are ignored)' })
  @ApiOkResponse({ type: OrganisationResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
  ) {
    return this.organisations.update(id, dto, user, request.ip ?? null);
  }
}
