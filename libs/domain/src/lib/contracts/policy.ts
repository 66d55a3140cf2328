import { AcademicYear } from '../calendar';
import { Policy } from '../rules';

/** The policy fields the 2025 revision added: a body may leave them out, and the year's defaults fill them. */
export type PolicyFieldsAdded2025 = 'wex' | 'palRequiresContent' | 'b5CountsPartTimeJob' | 'dest';

/**
 * Body of `PUT /api/policy/{academicYear}`: the fields of compliance-rules.md "Policy"; those of the 2025
 * revision ("Policy fields added") optional, so that a client written before it keeps working.
 */
export type PolicyBody = Omit<Policy, PolicyFieldsAdded2025> & Partial<Pick<Policy, PolicyFieldsAdded2025>>;

/** Answer of `GET` and `PUT` on `/api/policy/{academicYear}`. */
export interface PolicyResponse extends Policy {
  academicYear: AcademicYear;
  /** False while the year runs on the default policy because no administrator has saved one. */
  saved: boolean;
}
