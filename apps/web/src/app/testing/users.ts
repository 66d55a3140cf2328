// The signed-in user a component test runs as (only specs import this folder).
import { CurrentUserResponse } from '@encounters/domain';

/** A user as `GET /api/auth/me` answers: `name`, holding `roles`, in no academy or class unless `more` says so. */
export function currentUser(
  name: string,
  roles: CurrentUserResponse['roles'],
  more: Partial<CurrentUserResponse> = {},
): CurrentUserResponse {
  return {
    id: '5c6f2a1e-8a59-4f57-9d0e-2b0c7a3f1d11',
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org.uk`,
    roles,
    academies: [],
    groupIds: [],
    ...more,
  };
}
