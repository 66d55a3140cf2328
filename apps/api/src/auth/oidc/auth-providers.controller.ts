import { Body, Controller, Get, Patch, Post, Req } from '@nestjs/common';
import { Deletes, UuidParam, Reads } from '../../common/http/routes';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Can, Public } from '../../common/access/access.decorator';
import type { AuthUser } from '../../common/access/policy';
import { CurrentUser } from '../../common/access/current-user.decorator';
import { AuthProvidersService } from './auth-providers.service';
import {
  AuthProviderResponseDto,
  CreateAuthProviderDto,
  PublicAuthProviderDto,
  UpdateAuthProviderDto,
} from './dto/auth-provider.dto';

export const originOf = (request: FastifyRequest) =>
  `${request.protocol}://${request.headers.host ?? 'localhost'}`;

@ApiTags('auth')
@Controller('auth/providers')
export class AuthProvidersController {
  constructor(private readonly providers: AuthProvidersService) {}

  /** The sign-in page's buttons: no sign-in needed, so only labels. */
  @Get('public')
  @Public()
  @ApiOperation({ summary: 'The enabled single sign-on providers, for the sign-in page' })
  @ApiOkResponse({
    type: [PublicAuthProviderDto],
    description: 'The enabled providers: `{ id, label, kind }` each.',
  })
  listPublic() {
    return this.providers.listPublic();
  }

  @Can('administerTrust')
  @Reads('Every single sign-on provider, with the redirect URI to register', [AuthProviderResponseDto])
  list(@Req() request: FastifyRequest) {
    return this.providers.list(originOf(request));
  }

  @Post()
  @Can('administerTrust')
  @ApiOperation({
    summary: 'Add a single sign-on provider (Microsoft, Google or another OpenID Connect one)',
  })
  @ApiCreatedResponse({ type: AuthProviderResponseDto })
  create(@Body() dto: CreateAuthProviderDto, @CurrentUser() actor: AuthUser, @Req() request: FastifyRequest) {
    return this.providers.create(dto, actor, request.ip ?? 'unknown', originOf(request));
  }

  @Patch(':id')
  @Can('administerTrust')
  @ApiOperation({ summary: 'Change a single sign-on provider; a client secret sent replaces the stored one' })
  @ApiOkResponse({ type: AuthProviderResponseDto })
  @ApiNotFoundResponse({ description: 'No such provider.' })
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateAuthProviderDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ) {
    return this.providers.update(id, dto, actor, request.ip ?? 'unknown', originOf(request));
  }

  @Deletes(':id', 'Removed: its button leaves the sign-in page.')
  @Can('administerTrust')
  @ApiOperation({ summary: 'Remove a single sign-on provider' })
  @ApiNotFoundResponse({ description: 'No such provider.' })
  async remove(
    @UuidParam() id: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.providers.remove(id, actor, request.ip ?? 'unknown');
  }
}
