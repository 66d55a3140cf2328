import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { CookieOptions, Request, Response } from 'express';
import { Public } from '../../common/access/access.decorator';
import { setSessionCookies } from '../auth-cookies';
import { originOf } from './auth-providers.controller';
import { OidcSignInService, SsoRefused } from './oidc-sign-in.service';

/** Binds a sign-in to the browser that started it. Lax, since the provider sends the browser back. */
const STATE_COOKIE = 'encounters_oidc_state';
const stateCookieOptions = (request: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: request.secure,
  path: '/api/auth/oidc',
});

/** Where a redirect goes: the provider, the app (`/`) or the sign-in page with `?error=<reason>`. */
const LOCATION = {
  Location: { description: 'Where the browser goes next.', schema: { type: 'string' as const } },
};

const refusedPage = (reason: string) => `/sign-in?error=${encodeURIComponent(reason)}`;

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcSignInService) {}

  @Get(':providerId/start')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Start signing in with a single sign-on provider: redirects to the provider' })
  @ApiFoundResponse({
    description: "To the provider's sign-in page, or back to the sign-in page with an error.",
    headers: LOCATION,
  })
  async start(
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const { url, state } = await this.oidc.start(providerId, originOf(request));
      response.cookie(STATE_COOKIE, state, { ...stateCookieOptions(request), maxAge: 10 * 60_000 });
      response.redirect(302, url);
    } catch (error) {
      response.redirect(302, refusedPage(error instanceof SsoRefused ? error.reason : 'failed'));
    }
  }

  @Get('callback')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: "The provider's redirect back: signs in and redirects to the app" })
  @ApiQuery({ name: 'code', required: false, description: "The provider's authorisation code." })
  @ApiQuery({ name: 'state', required: false, description: 'The state the start step sent.' })
  @ApiQuery({ name: 'error', required: false, description: "The provider's error, when it refused." })
  @ApiFoundResponse({
    description:
      'Signed in (the session cookie is set): to the app. Refused: to the sign-in page, which says why.',
    headers: LOCATION,
  })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const browserState = (request.cookies as Record<string, string> | undefined)?.[STATE_COOKIE];
    response.clearCookie(STATE_COOKIE, stateCookieOptions(request));
    try {
      const { session } = await this.oidc.callback(
        query,
        browserState,
        originOf(request),
        request.ip ?? 'unknown',
      );
      setSessionCookies(request, response, session);
      response.redirect(302, '/');
    } catch (error) {
      response.redirect(302, refusedPage(error instanceof SsoRefused ? error.reason : 'failed'));
    }
  }
}
