import { AcademicYear } from '../calendar';
import { Policy } from '../rules';

/** Body of `PUT /api/policy/{academicYear}`: the fields of compliance-rules.md "Policy". */
export type PolicyBody = Policy;

/** Answer of `GET` and `PUT` on `/api/policy/{academicYear}`. */
export interface PolicyResponse extends Policy {
  academicYear: AcademicYear;
  /** False while the year runs on the default policy because no administrator has saved one. */
  saved: boolean;
}
