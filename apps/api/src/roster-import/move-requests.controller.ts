import type { RosterMoveRequest } from '@encounters/domain';
import { Controller, Get, Ip } from '@nestjs/common';
import { PostAction, UuidParam } from '../common/http/routes';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { MoveRequestsService } from './move-requests.service';

@ApiTags('roster')
@Controller('roster-moves')
export class MoveRequestsController {
  constructor(private readonly service: MoveRequestsService) {}

  @Get()
  @Can('importRoster')
  @ApiOkResponse({ description: 'Pending move requests the reader decides on or made.' })
  list(@CurrentUser() user: AuthUser): Promise<RosterMoveRequest[]> {
    return this.service.list(user);
  }

  @PostAction(':id/confirm')
  @Can('importRoster')
  @ApiOkResponse({ description: 'The learner moved: enrolled at the requesting academy (R-G-2).' })
  @ApiNotFoundResponse({ description: 'No such move request, or not yours.' })
  @ApiConflictResponse({ description: 'Already confirmed or declined.' })
  confirm(
    @UuidParam() id: string,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<RosterMoveRequest> {
    return this.service.confirm(user, id, ip);
  }

  @PostAction(':id/decline')
  @Can('importRoster')
  @ApiOkResponse({ description: 'The request was declined; nothing changed.' })
  @ApiNotFoundResponse({ description: 'No such move request, or not yours.' })
  @ApiConflictResponse({ description: 'Already confirmed or declined.' })
  decline(
    @UuidParam() id: string,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<RosterMoveRequest> {
    return this.service.decline(user, id, ip);
  }
}
