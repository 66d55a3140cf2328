import { Body, Controller, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../common/access/access.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { Deletes, Reads, UuidParam } from '../common/http/routes';
import {
  MarkNeetRiskDto,
  NeetRiskEntryDto,
  NeetRiskLearnerQueryDto,
  NeetRiskListDto,
  NeetRiskQueryDto,
} from './dto/neet-risk.dto';
import { NeetRiskService } from './neet-risk.service';

/**
 * R-DEST-3: the NEET-risk list of Years 11 and 13, restricted like guidance notes to those who hold
 * `markNeetRisk` at the learner's academy. Reads that show reasons are audited.
 */
@ApiTags('destinations')
@Controller('destinations/neet-risk')
export class NeetRiskController {
  constructor(private readonly neetRisk: NeetRiskService) {}

  @Can('markNeetRisk')
  @Reads("An academy's NEET-risk list: marked or flagged automatically", NeetRiskListDto)
  list(@Query() query: NeetRiskQueryDto, @CurrentActor() actor: Actor) {
    return this.neetRisk.list(query, actor);
  }

  @Can('markNeetRisk')
  @Reads("One learner's NEET risk: the mark, the automatic flag, or neither", NeetRiskEntryDto, ':learnerId')
  @ApiNotFoundResponse({ description: 'No such learner, or not one whose NEET risk the caller reads.' })
  get(@UuidParam('learnerId') learnerId: string, @CurrentActor() actor: Actor) {
    return this.neetRisk.get(learnerId, actor);
  }

  @Put()
  @Can('markNeetRisk')
  @ApiOperation({ summary: 'Mark a learner of Year 11 or 13 at NEET risk, or change the mark' })
  @ApiOkResponse({ type: NeetRiskEntryDto })
  @ApiNotFoundResponse({ description: 'No such learner, or not one whose NEET risk the caller marks.' })
  mark(@Body() dto: MarkNeetRiskDto, @CurrentActor() actor: Actor) {
    return this.neetRisk.mark(dto, actor);
  }

  @Deletes('', 'The mark is cleared.')
  @Can('markNeetRisk')
  @ApiOperation({ summary: "Clear a learner's NEET-risk mark" })
  @ApiNotFoundResponse({ description: 'Not marked, or not a learner whose NEET risk the caller marks.' })
  clear(@Query() query: NeetRiskLearnerQueryDto, @CurrentActor() actor: Actor) {
    return this.neetRisk.clear(query.learnerId, actor);
  }
}
