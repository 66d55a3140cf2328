import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Ability, rolesWith, type UserRole } from '@encounters/domain';

export const ACCESS_RULE = 'encounters:access-rule';

/** Every route declares who may call it; the guard refuses a route that declares nothing. */
export type AccessRule =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly UserRole[] };

/** Open to anyone, signed in or not. Only what the contract says needs no sign-in. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user; what they see is still filtered by their scope. */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
  );

/** Signed-in users holding at least one of `roles`. */
export const Allow = (...roles: UserRole[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}.` }),
  );

/** Signed-in users holding `ability` in the abilities table of `libs/domain`, at one academy at least. */
export const Can = (ability: Ability) => Allow(...rolesWith(ability));
