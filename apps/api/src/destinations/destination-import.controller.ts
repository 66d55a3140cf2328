import { Controller, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Can } from '../common/access/access.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { PostAction } from '../common/http/routes';
import {
  type DestinationUpload,
  DestinationUploadInterceptor,
  UploadedDestinations,
} from './destination-upload.interceptor';
import { DestinationsService } from './destinations.service';
import { DestinationImportQueryDto, DestinationImportResultDto } from './dto/destination-import.dto';

@ApiTags('destinations')
@Controller('destinations')
export class DestinationImportController {
  constructor(private readonly destinations: DestinationsService) {}

  @PostAction('import')
  @Can('recordDestinations')
  @UseInterceptors(DestinationUploadInterceptor)
  @ApiOperation({ summary: "Import intended destinations of an academy's Years 11 and 13 from a CSV file" })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    description:
      'A CSV file (UTF-8, Windows-1252 or UTF-16; comma, semicolon or tab) whose header row names the columns ' +
      '`UPN`, `Category`, `Provider`, `Status` and optionally `Date` (YYYY-MM-DD or DD/MM/YYYY: the day the ' +
      'status was reached, today when blank), one learner of Year 11 or 13 a line. Categories and statuses ' +
      'are their codes or labels, in any case. Each line merges into the learner’s destination of the year; ' +
      'destinations of learners not in the file are left as they are. As a multipart `file` or a `text/csv` body.',
    schema: {
      oneOf: [
        { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
        {
          type: 'string',
          example:
            'UPN,Category,Provider,Status,Date\nA801200000001,Apprenticeship,Kiln Engineering,Applied,03/11/2026\n',
        },
      ],
    },
  })
  @ApiOkResponse({
    type: DestinationImportResultDto,
    description: 'A dry run, or a commit that was applied.',
  })
  @ApiUnprocessableEntityResponse({ description: 'A commit of a file with bad lines: nothing was written.' })
  @ApiPayloadTooLargeResponse({ description: 'The file is over 20 MB.' })
  importFile(
    @Query() query: DestinationImportQueryDto,
    @UploadedDestinations() upload: DestinationUpload,
    @CurrentActor() actor: Actor,
  ) {
    return this.destinations.import(query, upload, actor);
  }
}
