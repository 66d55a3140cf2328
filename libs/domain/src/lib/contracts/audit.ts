import { IsoDate } from '../calendar';
import { PagingQuery } from './paging';

/** Query of `GET /api/audit` (trust administrator only); the answer is a `PagedResult<AuditEntryResponse>`. */
export interface AuditQuery extends PagingQuery {
  from?: IsoDate;
  to?: IsoDate;
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  academyId?: string;
}

export interface AuditEntryResponse {
  id: string;
  /** ISO 8601 with offset. */
  at: string;
  /** Null for events without a signed-in user, such as a failed sign-in. */
  userId: string | null;
  userName: string | null;
  /** `<entity>.<verb>`: `encounter.create`, `learner.export`, `auth.sign_in_failed`. */
  action: string;
  entityType: string;
  entityId: string | null;
  academyId: string | null;
  /** What changed: field names and non-restricted values, never guidance notes or passwords. */
  details: Record<string, unknown>;
  ip: string | null;
}
