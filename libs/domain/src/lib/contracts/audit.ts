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
  /**
   * What the record is called now: an encounter's title, a learner's or user's name, an organisation's or
   * academy's name; a guidance meeting is named by its learner. Null when it has none or no longer exists.
   */
  entityName: string | null;
  academyId: string | null;
  academyName: string | null;
  /**
   * The learners an entry names in its details (`learnerIds`), with their names; null names are learners
   * since erased. Empty when it names none.
   */
  learners: AuditLearnerRef[];
  /** What changed: field names and non-restricted values, never guidance notes or passwords. */
  details: Record<string, unknown>;
  ip: string | null;
}

/** A learner named by an audit entry. */
export interface AuditLearnerRef {
  id: string;
  /** Null once the learner has been erased. */
  name: string | null;
}
