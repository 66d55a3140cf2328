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
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Can, Public } from '../../common/access/access.decorator';
import type { AuthUser } from '../../common/access/policy';
import { CurrentUser } from '../../common/access/current-user.decorator';
import { AuthProvidersService } from './auth-providers.service';
import { CreateAuthProviderDto, UpdateAuthProviderDto } from './dto/auth-provider.dto';

export const originOf = (request: Request) => `${request.protocol}://${request.get('host') ?? 'localhost'}`;

@ApiTags('auth')
@Controller('auth/providers')
export class AuthProvidersController {
  constructor(private readonly providers: AuthProvidersService) {}

  /** The sign-in page's buttons: no sign-in needed, so only labels. */
  @Get('public')
  @Public()
  @ApiOkResponse({ description: 'The enabled providers: `{ id, label, kind }` each.' })
  listPublic() {
    return this.providers.listPublic();
  }

  @Get()
  @Can('administerTrust')
  list(@Req() request: Request) {
    return this.providers.list(originOf(request));
  }

  @Post()
  @Can('administerTrust')
  create(@Body() dto: CreateAuthProviderDto, @CurrentUser() actor: AuthUser, @Req() request: Request) {
    return this.providers.create(dto, actor, request.ip ?? 'unknown', originOf(request));
  }

  @Patch(':id')
  @Can('administerTrust')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAuthProviderDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: Request,
  ) {
    return this.providers.update(id, dto, actor, request.ip ?? 'unknown', originOf(request));
  }

  @Delete(':id')
  @Can('administerTrust')
  @HttpCode(204)
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: Request,
  ): Promise<void> {
    await this.providers.remove(id, actor, request.ip ?? 'unknown');
  }
}
