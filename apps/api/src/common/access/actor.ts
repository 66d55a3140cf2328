import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './current-user.decorator';
import type { AuthUser } from './policy';

/** Who is writing, for the audit trail. */
export interface Actor {
  user: AuthUser;
  ip: string | null;
}

/** The signed-in user of a route guarded by `@SignedIn()` or `@Can(...)`, with the address they write from. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentActor used on a route without a signed-in user');
  return { user: request.user, ip: request.ip ?? null };
});

/** The caller's address for the audit trail and sign-in counters; `'unknown'` when there is none. */
export const ClientIp = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().ip ?? 'unknown',
);
