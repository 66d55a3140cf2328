import { Body, Controller, Get, Put, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Can, SignedIn } from '../../common/access/access.decorator';
import { ClientIp } from '../../common/access/actor';
import { Deletes, PostAction, UuidParam } from '../../common/http/routes';
import { setSessionCookies, tokenAnswer } from '../auth-cookies';
import type { AuthUser } from '../../common/access/policy';
import { AuthService } from '../auth.service';
import { CurrentUser } from '../../common/access/current-user.decorator';
import { SignInStep } from '../sign-in-step';
import { ChallengeDto, ConfirmMfaDto, MfaPolicyDto, VerifyMfaDto } from './dto/mfa.dto';
import { MfaService } from './mfa.service';

@ApiTags('auth')
@Controller('auth/mfa')
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @SignedIn()
  status(@CurrentUser() user: AuthUser) {
    return this.mfa.status(user.id);
  }

  @PostAction('setup')
  @SignedIn()
  @ApiOkResponse({
    description: '`{ otpauthUrl, qrCode }`: the QR code (a PNG data URL) holds the otpauth URL.',
  })
  setup(@CurrentUser() user: AuthUser) {
    return this.mfa.setup(user.id);
  }

  @PostAction('confirm')
  @SignedIn()
  @ApiOkResponse({ description: '`{ recoveryCodes }`: ten single-use codes, shown this once.' })
  confirm(@CurrentUser() user: AuthUser, @Body() dto: ConfirmMfaDto, @ClientIp() ip: string) {
    return this.mfa.confirm(user.id, dto.code, ip);
  }

  /** The second step of `POST /api/auth/login` or `/token`: answers exactly as the password alone used to. */
  @SignInStep('verify')
  @ApiUnauthorizedResponse({ description: 'A wrong code, or an expired challenge.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins.' })
  async verify(
    @Body() dto: VerifyMfaDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
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
  async enrolmentSetup(@Body() dto: ChallengeDto) {
    const { userId } = await this.mfa.enrolmentChallenge(dto.challenge);
    return this.mfa.setup(userId);
  }

  /** Confirms that set-up and completes the sign-in: the user's answer, plus `recoveryCodes`. */
  @SignInStep('enrolment/confirm')
  async enrolmentConfirm(
    @Body() dto: VerifyMfaDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
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

  @Get('policy')
  @SignedIn()
  policy() {
    return this.mfa.policy();
  }

  @Put('policy')
  @Can('administerTrust')
  setPolicy(@Body() dto: MfaPolicyDto, @CurrentUser() actor: AuthUser, @ClientIp() ip: string) {
    return this.mfa.setPolicy(dto.requireForPersonalData, actor, ip);
  }

  /** An administrator's reset, for a lost device (audited). */
  @Deletes('users/:userId', 'Reset: the user sets up a second factor again.')
  @Can('administerTrust')
  async reset(
    @UuidParam('userId') userId: string,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.mfa.reset(userId, actor, ip);
  }
}
