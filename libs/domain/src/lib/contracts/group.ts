import { AcademicYear } from '../calendar';
import { LearnerListItem } from './learner';

/** Registration groups come from the roster import; teaching groups are optional and made in the app. */
export const GROUP_KINDS = ['registration', 'teaching'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Query of `GET /api/groups`. */
export interface GroupListQuery {
  academyId?: string;
  academicYear?: AcademicYear;
}

/** An item of `GET /api/groups` (a plain array: an academy has tens of groups, not thousands). */
export interface GroupResponse {
  id: string;
  academyId: string;
  academicYear: AcademicYear;
  name: string;
  kind: GroupKind;
  /** Null for a group that mixes year groups (vertical tutoring, some teaching groups). */
  yearGroup: number | null;
  teacherIds: string[];
  learnerCount: number;
}

/** Answer of `GET /api/groups/{id}`. */
export interface GroupDetailResponse extends GroupResponse {
  learners: LearnerListItem[];
}
