import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../common/access/access.decorator';
import { type Actor, CurrentActor } from '../common/access/actor';
import { Deletes, UuidParam } from '../common/http/routes';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';
import { UserListQueryDto } from './dto/user-list-query.dto';
import { UserPageDto, UserResponseDto } from './dto/user-response.dto';

@ApiTags('users')
@Controller('users')
@Can('administerTrust')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'A page of the users of the trust, by name; `q` finds a part of a name or email' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a user' })
  @ApiOkResponse({ type: UserResponseDto })
  get(@UuidParam() id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a user' })
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() dto: CreateUserDto, @CurrentActor() { user, ip }: Actor) {
    return this.users.create(dto, user, ip);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user (server-owned fields sent back are ignored)' })
  @ApiOkResponse({ type: UserResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateUserDto, @CurrentActor() { user, ip }: Actor) {
    return this.users.update(id, dto, user, ip);
  }

  @Deletes(':id', 'Removed.')
  @ApiOperation({ summary: 'Remove a user' })
  remove(@UuidParam() id: string, @CurrentActor() { user, ip }: Actor) {
    return this.users.deactivate(id, user, ip);
  }
}
