import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSecure } from '../common/http/secure';
import type { UserProfile } from './auth.service';
import type { IssuedSession } from './session.service';

export const SESSION_COOKIE = 'encounters_session';
/** Angular's HttpClient reads this cookie and echoes it in the header below (double-submit). */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

export function readToken(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    return token ? { token, via: 'bearer' } : null;
  }
  const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

function baseOptions(request: FastifyRequest): CookieSerializeOptions {
  // `secure` follows the connection: behind HTTPS (or a proxy saying so) cookies never travel in clear.
  return { sameSite: 'strict', secure: isSecure(request), path: '/' };
}

export function setSessionCookies(
  request: FastifyRequest,
  response: FastifyReply,
  session: IssuedSession,
): void {
  response.setCookie(SESSION_COOKIE, session.token, {
    ...baseOptions(request),
    httpOnly: true,
    expires: session.expiresAt,
  });
  if (session.csrfToken) {
    response.setCookie(CSRF_COOKIE, session.csrfToken, {
      ...baseOptions(request),
      httpOnly: false,
      expires: session.expiresAt,
    });
  }
}

export function clearSessionCookies(request: FastifyRequest, response: FastifyReply): void {
  response.clearCookie(SESSION_COOKIE, { ...baseOptions(request), httpOnly: true });
  response.clearCookie(CSRF_COOKIE, baseOptions(request));
}

/** The token flow's answer (`POST /api/auth/token`, or its second step). */
export function tokenAnswer({ session, profile }: { session: IssuedSession; profile: UserProfile }) {
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: profile };
}
