import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { UuidParam, Reads } from '../common/http/routes';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Can } from '../common/access/access.decorator';
import { accessScope, type AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { CreateSnapshotDto, SnapshotCompareQueryDto, SnapshotListQueryDto } from './dto/snapshot.dto';
import { SnapshotComparisonDto, SnapshotDto } from './dto/report-responses.dto';
import { SnapshotsService } from './snapshots.service';

@ApiTags('reports')
@Controller('reports/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Post()
  @Can('takeSnapshots')
  @ApiCreatedResponse({ type: SnapshotDto, description: 'The figures are frozen.' })
  @ApiConflictResponse({ description: 'The figures of that scope and date are already frozen.' })
  @ApiNotFoundResponse({ description: 'No such academy, or not one the caller sees whole.' })
  @ApiOperation({
    summary: 'Freeze the coverage figures of the trust or an academy on 31 Dec, 31 Mar or 31 Jul',
  })
  create(@Body() dto: CreateSnapshotDto, @CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.snapshots.create(dto, user, request.ip ?? null);
  }

  @Can('readReports')
  @Reads('The frozen snapshots the caller may see, latest first', [SnapshotDto])
  list(@Query() query: SnapshotListQueryDto, @CurrentUser() user: AuthUser) {
    return this.snapshots.list(query, accessScope(user));
  }

  @Get(':id/compare')
  @Can('readReports')
  @ApiOperation({
    summary: 'The figures at a later date against a snapshot, rule by rule, with the change in points',
  })
  @ApiOkResponse({ type: SnapshotComparisonDto })
  @ApiNotFoundResponse({ description: 'No such snapshot, or not one the caller may see.' })
  compare(@UuidParam() id: string, @Query() query: SnapshotCompareQueryDto, @CurrentUser() user: AuthUser) {
    return this.snapshots.compare(id, query.asAt, accessScope(user));
  }
}
