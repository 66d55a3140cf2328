import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { hasRole } from '../common/access/policy';
import { ACCESS_RULE, AccessRule } from '../common/access/access.decorator';
import { addAuthorisationTime } from '../common/access/authorisation-time';
import { CSRF_HEADER, readToken } from './auth-cookies';
import type { AuthenticatedRequest } from '../common/access/current-user.decorator';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The one gate every request passes: it signs the caller in from the session cookie or bearer token,
 * checks CSRF on cookie-authenticated writes, and applies the route's declared access rule.
 * A route that declares no rule is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenException('This route declares no access rule.');
    if (rule.kind === 'public') return true;
    // Its own time, for the metrics (common/access/authorisation-time.ts).
    const started = process.hrtime.bigint();
    try {
      return await this.signedInRule(context, rule);
    } finally {
      addAuthorisationTime(started, true);
    }
  }

  private async signedInRule(
    context: ExecutionContext,
    rule: Exclude<AccessRule, { kind: 'public' }>,
  ): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential = readToken(request);
    const signedIn = credential ? await this.sessions.authenticate(credential.token) : null;
    if (!signedIn) throw new UnauthorizedException('Please sign in.');
    if (credential?.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const header = typeof sent === 'string' ? sent : undefined;
      if (!header || !signedIn.csrfToken || !sameSecret(header, signedIn.csrfToken)) {
        throw new ForbiddenException('The request is missing its CSRF token; reload the page and try again.');
      }
    }
    request.user = signedIn.user;
    if (rule.kind === 'roles' && !hasRole(signedIn.user, ...rule.roles)) {
      throw new ForbiddenException('Your role does not allow this.');
    }
    return true;
  }
}
