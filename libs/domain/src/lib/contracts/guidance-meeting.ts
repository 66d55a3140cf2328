import { IsoDate } from '../calendar';
import { PagingQuery } from './paging';

export const GUIDANCE_MEETING_MODES = ['in_person', 'virtual', 'telephone'] as const;
export type GuidanceMeetingMode = (typeof GUIDANCE_MEETING_MODES)[number];

/** Body of `POST /api/guidance-meetings`. */
export interface CreateGuidanceMeetingRequest {
  learnerId: string;
  date: IsoDate;
  adviserName: string;
  /** The adviser's CDI qualification level; 6 or above counts for B8 (R-C-5). */
  adviserLevel: number;
  mode: GuidanceMeetingMode;
  /** Restricted: careers staff and advisers only. */
  summary: string;
  agreedActions: string;
  followUpOn?: IsoDate;
}

/** Body of `PATCH /api/guidance-meetings/{id}`. */
export type UpdateGuidanceMeetingRequest = Partial<Omit<CreateGuidanceMeetingRequest, 'learnerId'>>;

/** Query of `GET /api/guidance-meetings`; the answer is a `PagedResult<GuidanceMeetingResponse>`. */
export interface GuidanceMeetingListQuery extends PagingQuery {
  learnerId?: string;
  academyId?: string;
}

/** A meeting as recorded: the request's fields, with its id, academy and follow-up date (null for none). */
export interface GuidanceMeetingResponse extends Omit<CreateGuidanceMeetingRequest, 'followUpOn'> {
  id: string;
  /** The learner's academy at the meeting's date. */
  academyId: string;
  followUpOn: IsoDate | null;
}
