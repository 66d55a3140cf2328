import { Body, Controller, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { SignInStep } from '../sign-in-step';
import { Deletes, UuidParam, Reads } from '../../common/http/routes';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';

import type { FastifyReply, FastifyRequest } from 'fastify';
import { Can, SignedIn } from '../../common/access/access.decorator';
import { setSessionCookies, tokenAnswer } from '../auth-cookies';
import type { AuthUser } from '../../common/access/policy';
import { AuthService } from '../auth.service';
import { CurrentUser } from '../../common/access/current-user.decorator';
import {
  CurrentUserResponseDto,
  CurrentUserWithRecoveryCodesDto,
  TokenResponseDto,
  TokenWithRecoveryCodesDto,
} from '../dto/auth-responses.dto';
import { ChallengeDto, ConfirmMfaDto, MfaPolicyDto, VerifyMfaDto } from './dto/mfa.dto';
import {
  MfaConfirmResponseDto,
  MfaPolicyResponseDto,
  MfaSetupResponseDto,
  MfaStatusResponseDto,
} from './dto/mfa-responses.dto';
import { MfaService } from './mfa.service';

@ApiTags('auth')
@Controller('auth/mfa')
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly auth: AuthService,
  ) {}

  @SignedIn()
  @Reads(
    'Whether the signed-in user has a second factor, and whether sign-in needs one',
    MfaStatusResponseDto,
  )
  status(@CurrentUser() user: AuthUser) {
    return this.mfa.status(user.id);
  }

  @Post('setup')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret, as a QR code' })
  @ApiOkResponse({
    type: MfaSetupResponseDto,
    description: '`{ otpauthUrl, qrCode }`: the QR code (a PNG data URL) holds the otpauth URL.',
  })
  setup(@CurrentUser() user: AuthUser) {
    return this.mfa.setup(user.id);
  }

  @Post('confirm')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish setting up the authenticator app with a code it shows' })
  @ApiOkResponse({
    type: MfaConfirmResponseDto,
    description: '`{ recoveryCodes }`: ten single-use codes, shown this once.',
  })
  confirm(@CurrentUser() user: AuthUser, @Body() dto: ConfirmMfaDto, @Req() request: FastifyRequest) {
    return this.mfa.confirm(user.id, dto.code, request.ip ?? 'unknown');
  }

  /** The second step of `POST /api/auth/login` or `/token`: answers exactly as the password alone used to. */
  @SignInStep('verify')
  @ApiOperation({ summary: 'The second step of a sign-in: a code of the app or a recovery code' })
  @ApiExtraModels(CurrentUserResponseDto, TokenResponseDto)
  @ApiOkResponse({
    description:
      'Signed in, as the password step alone would answer: the user (session cookie set) for `/login`, ' +
      'a bearer token for `/token`.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(CurrentUserResponseDto) }, { $ref: getSchemaPath(TokenResponseDto) }],
    },
  })
  @ApiUnauthorizedResponse({ description: 'A wrong code, or an expired challenge.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins.' })
  async verify(
    @Body() dto: VerifyMfaDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const ip = request.ip ?? 'unknown';
    const { userId, kind, factor } = await this.mfa.verify(dto.challenge, dto.code, ip);
    const signedIn = await this.auth.completeSignIn(userId, ip, kind, {
      method: 'password',
      secondFactor: factor,
    });
    if (kind === 'bearer') return tokenAnswer(signedIn);
    setSessionCookies(request, response, signedIn.session);
    return signedIn.profile;
  }

  /** Set-up during sign-in, when the trust's policy requires a second factor the user has not set up yet. */
  @SignInStep('enrolment/setup')
  @ApiOperation({ summary: 'Set up an authenticator app during sign-in, when the trust requires one' })
  @ApiOkResponse({ type: MfaSetupResponseDto })
  @ApiUnauthorizedResponse({ description: 'An expired or unknown challenge.' })
  async enrolmentSetup(@Body() dto: ChallengeDto) {
    const { userId } = await this.mfa.enrolmentChallenge(dto.challenge);
    return this.mfa.setup(userId);
  }

  /** Confirms that set-up and completes the sign-in: the user's answer, plus `recoveryCodes`. */
  @SignInStep('enrolment/confirm')
  @ApiOperation({ summary: 'Confirm the app set up during sign-in, and finish signing in' })
  @ApiExtraModels(CurrentUserWithRecoveryCodesDto, TokenWithRecoveryCodesDto)
  @ApiOkResponse({
    description:
      'Signed in, with the recovery codes shown this once: the user (session cookie set) for `/login`, ' +
      'a bearer token for `/token`.',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CurrentUserWithRecoveryCodesDto) },
        { $ref: getSchemaPath(TokenWithRecoveryCodesDto) },
      ],
    },
  })
  @ApiUnauthorizedResponse({ description: 'A wrong code, or an expired challenge.' })
  async enrolmentConfirm(
    @Body() dto: VerifyMfaDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const ip = request.ip ?? 'unknown';
    const { userId, kind } = await this.mfa.enrolmentChallenge(dto.challenge);
    const { recoveryCodes } = await this.mfa.confirm(userId, dto.code, ip);
    await this.mfa.endChallenge(dto.challenge);
    const signedIn = await this.auth.completeSignIn(userId, ip, kind, {
      method: 'password',
      secondFactor: 'totp',
    });
    if (kind === 'bearer') return { ...tokenAnswer(signedIn), recoveryCodes };
    setSessionCookies(request, response, signedIn.session);
    return { ...signedIn.profile, recoveryCodes };
  }

  @SignedIn()
  @Reads("The trust's second-factor policy", MfaPolicyResponseDto, 'policy')
  policy() {
    return this.mfa.policy();
  }

  @Put('policy')
  @Can('administerTrust')
  @ApiOperation({ summary: "Change the trust's second-factor policy (audited)" })
  @ApiOkResponse({ type: MfaPolicyResponseDto, description: 'The policy as saved.' })
  setPolicy(@Body() dto: MfaPolicyDto, @CurrentUser() actor: AuthUser, @Req() request: FastifyRequest) {
    return this.mfa.setPolicy(dto.requireForPersonalData, actor, request.ip ?? 'unknown');
  }

  /** An administrator's reset, for a lost device (audited). */
  @Deletes('users/:userId', 'The user sets up a second factor again at their next sign-in.')
  @Can('administerTrust')
  @ApiOperation({ summary: "Remove a user's second factor, for a lost device (audited)" })
  @ApiNotFoundResponse({ description: 'No such user.' })
  async reset(
    @UuidParam('userId') userId: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.mfa.reset(userId, actor, request.ip ?? 'unknown');
  }
}
