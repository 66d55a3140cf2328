import { applyDecorators, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../common/access/access.decorator';

/**
 * A step of signing in (`POST path`, 200): open without a session and rate-limited per address, whatever the
 * outcome.
 */
export const SignInStep = (path: string) =>
  applyDecorators(Post(path), Public(), UseGuards(ThrottlerGuard), HttpCode(200));
