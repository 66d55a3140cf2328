import type { RosterMoveRequest } from '@encounters/domain';
import { Controller, Get, HttpCode, HttpStatus, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Can } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { RosterMoveRequestDto } from './dto/move-request-response.dto';
import { MoveRequestsService } from './move-requests.service';

@ApiTags('roster')
@Controller('roster-moves')
export class MoveRequestsController {
  constructor(private readonly service: MoveRequestsService) {}

  @Get()
  @Can('importRoster')
  @ApiOperation({ summary: 'Pending requests to move a learner between academies, to decide on or made' })
  @ApiOkResponse({
    type: [RosterMoveRequestDto],
    description: 'Pending move requests the reader decides on or made.',
  })
  list(@CurrentUser() user: AuthUser): Promise<RosterMoveRequest[]> {
    return this.service.list(user);
  }

  @Post(':id/confirm')
  @HttpCode(HttpStatus.OK)
  @Can('importRoster')
  @ApiOperation({ summary: 'Confirm a move request: the learner is enrolled at the requesting academy' })
  @ApiOkResponse({
    type: RosterMoveRequestDto,
    description: 'The learner moved: enrolled at the requesting academy (R-G-2).',
  })
  @ApiNotFoundResponse({ description: 'No such move request, or not yours.' })
  @ApiConflictResponse({ description: 'Already confirmed or declined.' })
  confirm(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<RosterMoveRequest> {
    return this.service.confirm(user, id, ip);
  }

  @Post(':id/decline')
  @HttpCode(HttpStatus.OK)
  @Can('importRoster')
  @ApiOperation({ summary: 'Decline a move request: the learner stays where they are' })
  @ApiOkResponse({ type: RosterMoveRequestDto, description: 'The request was declined; nothing changed.' })
  @ApiNotFoundResponse({ description: 'No such move request, or not yours.' })
  @ApiConflictResponse({ description: 'Already confirmed or declined.' })
  decline(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<RosterMoveRequest> {
    return this.service.decline(user, id, ip);
  }
}
