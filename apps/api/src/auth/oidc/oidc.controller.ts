import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { UuidParam } from '../../common/http/routes';
import { ApiFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/access/access.decorator';
import { isSecure } from '../../common/http/secure';
import { setSessionCookies } from '../auth-cookies';
import { originOf } from './auth-providers.controller';
import { OidcSignInService, SsoRefused } from './oidc-sign-in.service';

/** Binds a sign-in to the browser that started it. Lax, since the provider sends the browser back. */
const STATE_COOKIE = 'encounters_oidc_state';
const stateCookieOptions = (request: FastifyRequest): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: isSecure(request),
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
    @UuidParam('providerId') providerId: string,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    try {
      const { url, state } = await this.oidc.start(providerId, originOf(request));
      // Ten minutes (seconds, as the cookie's Max-Age says).
      response.setCookie(STATE_COOKIE, state, { ...stateCookieOptions(request), maxAge: 10 * 60 });
      void response.redirect(url, 302);
    } catch (error) {
      void response.redirect(refusedPage(error instanceof SsoRefused ? error.reason : 'failed'), 302);
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
  async callback(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
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
      void response.redirect('/', 302);
    } catch (error) {
      void response.redirect(refusedPage(error instanceof SsoRefused ? error.reason : 'failed'), 302);
    }
  }
}
