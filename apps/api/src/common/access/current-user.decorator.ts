import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './policy';

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

/** The signed-in user of a route guarded by `@SignedIn()` or `@Can(...)`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without a signed-in user');
  return user;
});
