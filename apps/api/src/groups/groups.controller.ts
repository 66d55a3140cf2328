import { Controller, Get, Query } from '@nestjs/common';
import { UuidParam } from '../common/http/routes';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/access/access.decorator';
import { accessScope, type AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { GroupListQueryDto } from './dto/group-list-query.dto';
import { GroupDetailDto, GroupResponseDto } from './dto/group-responses.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(private readonly service: GroupsService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: [GroupResponseDto], description: 'Only the groups the caller may see.' })
  list(@Query() query: GroupListQueryDto, @CurrentUser() user: AuthUser): Promise<GroupResponseDto[]> {
    return this.service.list(query, accessScope(user));
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: GroupDetailDto })
  @ApiNotFoundResponse({ description: 'No such group, or not one the caller may see.' })
  get(@UuidParam() id: string, @CurrentUser() user: AuthUser): Promise<GroupDetailDto> {
    return this.service.get(id, accessScope(user));
  }
}
