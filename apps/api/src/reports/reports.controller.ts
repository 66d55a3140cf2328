import { Controller, Get, Query, Req } from '@nestjs/common';
import { UuidParam } from '../common/http/routes';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { SectorReachResponse } from '@encounters/domain';
import type { FastifyRequest } from 'fastify';
import { Can, SignedIn } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { ComplianceReportQueryDto } from './dto/compliance-report-query.dto';
import { DestinationsReportQueryDto } from './dto/destinations-report-query.dto';
import { LearnerRecordQueryDto } from './dto/learner-record-query.dto';
import { OrganisationReportQueryDto } from './dto/organisation-report-query.dto';
import { FILE_SCHEMA, OrganisationReportDto, SectorReachResponseDto } from './dto/report-responses.dto';
import { SectorReachQueryDto } from './dto/sector-reach-query.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('compliance')
  @Can('readReports')
  @ApiOkResponse({
    description: 'The report as an attachment: CSV for `format=csv`, PDF for `format=pdf`.',
    content: { 'text/csv': { schema: FILE_SCHEMA }, 'application/pdf': { schema: FILE_SCHEMA } },
  })
  @ApiNotFoundResponse({ description: 'No such academy, or not one the caller sees whole.' })
  @ApiOperation({
    summary: 'The annual compliance report of the trust or one academy, as CSV (streamed) or PDF',
    description:
      'CSV, one table a file chosen by `part`: learners (default), one row per learner on roll with every rule status ' +
      "in words and as a code; summary, per academy × year group × rule; gaps, the cohorts' gaps; work-experience, learners by counted hours against the targets (R-WEX-6); offers, the per-academy rules (R-PAL-4). PDF (A4): headline figures, each academy, gaps, provider access, sectors and organisations.",
  })
  compliance(
    @Query() query: ComplianceReportQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ) {
    return this.reports.complianceReport(query, user, request.ip ?? null);
  }

  @Get('destinations')
  @Can('readReports')
  @ApiOkResponse({
    description: 'The report as an attachment: CSV for `format=csv`, PDF for `format=pdf`.',
    content: { 'text/csv': { schema: FILE_SCHEMA }, 'application/pdf': { schema: FILE_SCHEMA } },
  })
  @ApiNotFoundResponse({ description: 'No such academy, or not one the caller sees whole.' })
  @ApiOperation({
    summary: 'Destinations (R-DEST-5): the return for the local authority as CSV, or the figures as PDF',
    description:
      'CSV: one row per learner enrolled in Year 11 or 13 in the year, with their intended destination ' +
      '(category, provider, status and its date; blank where none is recorded). The NEET risk column appears ' +
      'only for those who may mark NEET risk at the academy (for the whole trust: everywhere). PDF (A4): per ' +
      'academy, Years 11 and 13 by category and status, the share confirmed by the confirm-by date, the ' +
      "NEET-risk count, and the leavers' share in education, employment or training at each anniversary.",
  })
  destinations(
    @Query() query: DestinationsReportQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ) {
    return this.reports.destinationsReport(query, user, request.ip ?? null);
  }

  @Get('sector-reach')
  @SignedIn()
  @ApiOkResponse({ type: SectorReachResponseDto })
  @ApiNotFoundResponse({ description: 'No such academy, or not one the caller sees whole.' })
  @ApiOperation({
    summary: 'Sectors reached: encounters and learners reached per sector, as the compliance PDF shows them',
    description:
      'For the year up to the as-at date: per sector, the encounters held with an organisation of it and the ' +
      'learners on roll who attended one. Without academyId, the whole trust (trust-wide roles only).',
  })
  sectorReach(
    @Query() query: SectorReachQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SectorReachResponse> {
    return this.reports.sectorReach(query, user);
  }

  @Get('organisations')
  @Can('readReports')
  @ApiExtraModels(OrganisationReportDto)
  @ApiOkResponse({
    description: 'JSON for `format=json`; a CSV attachment for `format=csv`.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(OrganisationReportDto) } },
      'text/csv': { schema: FILE_SCHEMA },
    },
  })
  @ApiNotFoundResponse({ description: 'No such academy, or not one the caller sees.' })
  @ApiOperation({
    summary: 'Every organisation engaged in the year: encounters and learners reached, by academy',
  })
  organisations(
    @Query() query: OrganisationReportQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ) {
    return this.reports.organisationReport(query, user, request.ip ?? null);
  }

  @Get('learners/:id')
  @SignedIn()
  @ApiOkResponse({
    description: "The learner's careers record, as a PDF attachment.",
    content: { 'application/pdf': { schema: FILE_SCHEMA } },
  })
  @ApiNotFoundResponse({ description: 'No such learner, or not one the caller may see.' })
  @ApiOperation({
    summary: "A learner's careers record as a PDF",
    description: 'Guidance-meeting summaries and agreed actions appear only for those who may read them.',
  })
  learnerRecord(
    @UuidParam() id: string,
    @Query() query: LearnerRecordQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ) {
    return this.reports.learnerRecord(id, query, user, request.ip ?? null);
  }
}
