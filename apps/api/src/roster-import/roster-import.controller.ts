import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Can } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { MarkLeaversDto, MarkLeaversResultDto } from './dto/mark-leavers.dto';
import { RosterImportQueryDto } from './dto/roster-import-query.dto';
import { RosterImportResultDto } from './dto/roster-import-result.dto';
import { LeaversService } from './leavers.service';
import { RosterImportService } from './roster-import.service';
import { type RosterUpload, RosterUploadInterceptor, UploadedRoster } from './roster-upload.interceptor';

@ApiTags('roster')
@Controller('academies')
export class RosterImportController {
  constructor(
    private readonly service: RosterImportService,
    private readonly leavers: LeaversService,
  ) {}

  @Post(':id/roster')
  @HttpCode(HttpStatus.OK)
  @Can('importRoster')
  @UseInterceptors(RosterUploadInterceptor)
  @ApiConsumes('multipart/form-data', 'text/csv', 'application/json')
  @ApiBody({
    description:
      "The academy's MIS export (CSV or tab-separated text, up to 20 MB; UTF-8, Windows-1252 or UTF-16) as a " +
      'multipart `file`, with an optional `mapping` field (JSON: header → field or "ignore", kept for the academy ' +
      'on commit), or as a `text/csv` body; or, for connectors, an `application/json` body `{ rows, mapping? }` ' +
      'whose rows use the field names (`upn`, `legalSurname`, `legalForename`, `preferredSurname`, ' +
      '`preferredForename`, `dateOfBirth`, `gender`, `yearGroup`, `registrationGroup`, `pupilPremium`, ' +
      '`freeSchoolMeals`, `senStatus`, `eal`, `lookedAfter`, `consideringHigherEducation`, `admissionDate`, ' +
      '`leavingDate`), with the same validation, dry run, all-or-nothing commit and idempotence. A field no row ' +
      'has is kept as held. See docs/roster-import.md.',
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary' },
            mapping: { type: 'string', example: '{"Disadv. Flag":"pupilPremium","Adno":"ignore"}' },
          },
        },
        {
          type: 'object',
          required: ['rows'],
          properties: {
            rows: {
              type: 'array',
              maxItems: 100000,
              items: {
                type: 'object',
                additionalProperties: {
                  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
                },
                example: {
                  upn: 'A801200000001',
                  legalSurname: 'Okafor',
                  legalForename: 'Zoë',
                  preferredForename: 'Tom',
                  dateOfBirth: '2012-09-03',
                  gender: 'F',
                  yearGroup: 9,
                  registrationGroup: '9K',
                  pupilPremium: true,
                  freeSchoolMeals: true,
                  senStatus: 'K',
                },
              },
            },
            mapping: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
      ],
    },
  })
  @ApiOkResponse({ type: RosterImportResultDto, description: 'A dry run, or a commit that was applied.' })
  @ApiUnprocessableEntityResponse({ description: 'A commit of a file with bad rows: nothing was written.' })
  @ApiPayloadTooLargeResponse({ description: 'The file is over 20 MB.' })
  @ApiNotFoundResponse({ description: 'No such academy, or not yours.' })
  importRoster(
    @Param('id', ParseUUIDPipe) academyId: string,
    @Query() query: RosterImportQueryDto,
    @UploadedRoster() upload: RosterUpload,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<RosterImportResultDto> {
    return this.service.importFor(user, academyId, query.academicYear, upload, { dryRun: query.dryRun, ip });
  }

  @Post(':id/leavers')
  @HttpCode(HttpStatus.OK)
  @Can('importRoster')
  @ApiOperation({ summary: 'Mark learners the MIS no longer lists as leavers, from a given day' })
  @ApiOkResponse({
    type: MarkLeaversResultDto,
    description: 'The learners were marked as leavers: `{ marked }`.',
  })
  @ApiNotFoundResponse({ description: 'No such academy, or not yours.' })
  markLeavers(
    @Param('id', ParseUUIDPipe) academyId: string,
    @Body() dto: MarkLeaversDto,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<{ marked: number }> {
    return this.leavers.mark(user, academyId, dto, ip);
  }
}
