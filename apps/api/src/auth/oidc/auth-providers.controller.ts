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
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
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

export const originOf = (request: Request) => `${request.protocol}://${request.get('host') ?? 'localhost'}`;

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

  @Get()
  @Can('administerTrust')
  @ApiOperation({ summary: 'Every single sign-on provider, with the redirect URI to register' })
  @ApiOkResponse({ type: [AuthProviderResponseDto] })
  list(@Req() request: Request) {
    return this.providers.list(originOf(request));
  }

  @Post()
  @Can('administerTrust')
  @ApiOperation({
    summary: 'Add a single sign-on provider (Microsoft, Google or another OpenID Connect one)',
  })
  @ApiCreatedResponse({ type: AuthProviderResponseDto })
  create(@Body() dto: CreateAuthProviderDto, @CurrentUser() actor: AuthUser, @Req() request: Request) {
    return this.providers.create(dto, actor, request.ip ?? 'unknown', originOf(request));
  }

  @Patch(':id')
  @Can('administerTrust')
  @ApiOperation({ summary: 'Change a single sign-on provider; a client secret sent replaces the stored one' })
  @ApiOkResponse({ type: AuthProviderResponseDto })
  @ApiNotFoundResponse({ description: 'No such provider.' })
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
  @ApiOperation({ summary: 'Remove a single sign-on provider' })
  @ApiNoContentResponse({ description: 'Removed: its button leaves the sign-in page.' })
  @ApiNotFoundResponse({ description: 'No such provider.' })
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: Request,
  ): Promise<void> {
    await this.providers.remove(id, actor, request.ip ?? 'unknown');
  }
}
