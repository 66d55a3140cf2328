import { Body, Controller, Get, Patch, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Can, Public } from '../../common/access/access.decorator';
import type { AuthUser } from '../../common/access/policy';
import { CurrentUser } from '../../common/access/current-user.decorator';
import { ClientIp } from '../../common/access/actor';
import { Deletes, UuidParam } from '../../common/http/routes';
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
  create(
    @Body() dto: CreateAuthProviderDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
    @Req() request: Request,
  ) {
    return this.providers.create(dto, actor, ip, originOf(request));
  }

  @Patch(':id')
  @Can('administerTrust')
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAuthProviderDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
    @Req() request: Request,
  ) {
    return this.providers.update(id, dto, actor, ip, originOf(request));
  }

  @Deletes(':id', 'Removed.')
  @Can('administerTrust')
  async remove(
    @UuidParam() id: string,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.providers.remove(id, actor, ip);
  }
}
