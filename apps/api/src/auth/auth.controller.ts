import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { SignInStep } from './sign-in-step';
import {
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  CurrentUserResponseDto,
  DemoUserDto,
  MfaChallengeResponseDto,
  TokenResponseDto,
} from './dto/auth-responses.dto';

import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Public, SignedIn } from '../common/access/access.decorator';
import { clearSessionCookies, setSessionCookies, tokenAnswer } from './auth-cookies';
import type { AuthUser } from '../common/access/policy';
import { AuthService, UserProfile } from './auth.service';
import { CurrentUser } from '../common/access/current-user.decorator';
import { DEMO_USERS } from './demo-users';
import { ChangePasswordDto } from './dto/change-password.dto';
import { SignInDto } from './dto/sign-in.dto';
import { Reads } from '../common/http/routes';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Sign-in is rate-limited per address, whatever the outcome; the other routes need a session anyway.
  @SignInStep('login')
  @ApiOperation({ summary: 'Sign in for the web app: sets the session and CSRF cookies' })
  @ApiExtraModels(CurrentUserResponseDto, MfaChallengeResponseDto)
  @ApiOkResponse({
    description:
      'Signed in; the session cookie is set. With a second factor: `{ mfaRequired: true, challenge }` and no session.',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CurrentUserResponseDto) },
        { $ref: getSchemaPath(MfaChallengeResponseDto) },
      ],
    },
  })
  @ApiUnauthorizedResponse({ description: 'Bad credentials (one message for every cause).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins.' })
  async login(
    @Body() dto: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const result = await this.auth.signIn(dto.email, dto.password, request.ip ?? 'unknown', 'cookie');
    if ('mfaRequired' in result) return result;
    setSessionCookies(request, response, result.session);
    return result.profile;
  }

  @SignInStep('token')
  @ApiOperation({ summary: 'Sign in for a script: answers a bearer token' })
  @ApiExtraModels(TokenResponseDto, MfaChallengeResponseDto)
  @ApiOkResponse({
    description: 'A bearer token for scripts: send `Authorization: Bearer <token>`.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(TokenResponseDto) }, { $ref: getSchemaPath(MfaChallengeResponseDto) }],
    },
  })
  async token(@Body() dto: SignInDto, @Req() request: FastifyRequest) {
    const result = await this.auth.signIn(dto.email, dto.password, request.ip ?? 'unknown', 'bearer');
    if ('mfaRequired' in result) return result;
    return tokenAnswer(result);
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session (or the bearer token) the request was made with' })
  @ApiNoContentResponse({ description: 'Signed out; the session cookies are cleared.' })
  async logout(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(user, request.ip ?? 'unknown');
    clearSessionCookies(request, response);
  }

  @SignedIn()
  @Reads('Who is signed in, with their academies', CurrentUserResponseDto, 'me')
  me(@CurrentUser() user: AuthUser): Promise<UserProfile> {
    return this.auth.profile(user.id);
  }

  @Post('password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: "Change the signed-in user's password" })
  @ApiNoContentResponse({ description: 'Changed; other sessions of the user are ended.' })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ) {
    await this.auth.changePassword(user, dto.currentPassword, dto.newPassword, request.ip ?? 'unknown');
  }

  /** The sign-in page lists the demo users only in demo mode. */
  @Get('demo-users')
  @Public()
  @ApiOperation({ summary: 'The demo users and their passwords, for the sign-in page (demo mode only)' })
  @ApiOkResponse({ type: [DemoUserDto], description: 'Empty unless the server runs in demo mode.' })
  demoUsers(): DemoUserDto[] {
    return this.config.DEMO_MODE
      ? DEMO_USERS.map(({ email, name, password, roles }) => ({ email, name, password, roles }))
      : [];
  }
}
