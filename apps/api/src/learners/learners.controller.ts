import { Controller, Get, Query, Req } from '@nestjs/common';
import { Deletes, UuidParam } from '../common/http/routes';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, SignedIn } from '../common/access/access.decorator';
import { accessScope, type AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import type { FastifyRequest } from 'fastify';
import { LearnerDetailQueryDto } from './dto/learner-detail-query.dto';
import { LearnerListQueryDto } from './dto/learner-list-query.dto';
import { LearnerDetailDto, LearnerExportDto, LearnerPageDto } from './dto/learner-responses.dto';
import { LearnerDataService } from './learner-data.service';
import { LearnersService } from './learners.service';

@ApiTags('learners')
@Controller('learners')
export class LearnersController {
  constructor(
    private readonly service: LearnersService,
    private readonly data: LearnerDataService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: LearnerPageDto, description: 'Only the learners the caller may see.' })
  list(@Query() query: LearnerListQueryDto, @CurrentUser() user: AuthUser): Promise<LearnerPageDto> {
    return this.service.list(query, accessScope(user));
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: LearnerDetailDto })
  @ApiNotFoundResponse({ description: 'No such learner, or not one the caller may see.' })
  get(
    @UuidParam() id: string,
    @Query() query: LearnerDetailQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<LearnerDetailDto> {
    return this.service.get(id, user, { ...query, ip: request.ip ?? null });
  }

  @Get(':id/export')
  @Can('exportLearnerData')
  @ApiOperation({ summary: 'Everything held on a learner, for a subject access request (audited)' })
  @ApiOkResponse({
    type: LearnerExportDto,
    description: 'Everything held on the learner, for a subject access request. Audited.',
  })
  @ApiNotFoundResponse({ description: 'No such learner, or not one the caller may see.' })
  export(@UuidParam() id: string, @CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.data.export(id, user, request.ip ?? null);
  }

  @Deletes(':id', 'Erased.')
  @Can('administerTrust')
  @ApiOperation({ summary: 'Erase a learner (audited); their attendances stay as anonymous head counts' })
  @ApiNotFoundResponse({ description: 'No such learner.' })
  erase(@UuidParam() id: string, @CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.data.erase(id, user, request.ip ?? null);
  }
}
