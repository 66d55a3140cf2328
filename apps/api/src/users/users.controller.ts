import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Can } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';
import { UserResponseDto } from './dto/user-response.dto';

@ApiTags('users')
@Controller('users')
@Can('administerTrust')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List the users of the trust' })
  @ApiOkResponse({ type: [UserResponseDto] })
  list() {
    return this.users.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a user' })
  @ApiOkResponse({ type: UserResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a user' })
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser, @Req() request: Request) {
    return this.users.create(dto, actor, request.ip ?? null);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user (server-owned fields sent back are ignored)' })
  @ApiOkResponse({ type: UserResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: Request,
  ) {
    return this.users.update(id, dto, actor, request.ip ?? null);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user' })
  @ApiNoContentResponse({ description: 'Removed.' })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthUser, @Req() request: Request) {
    return this.users.deactivate(id, actor, request.ip ?? null);
  }
}
