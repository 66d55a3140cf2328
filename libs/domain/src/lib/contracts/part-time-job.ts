import { IsoDate } from '../calendar';
import { Sector } from '../taxonomy';

/**
 * Body of `POST /api/learners/{id}/part-time-jobs` (R-WEX-7): a learner's own part-time job. It never counts
 * for B6 or the work-experience hours; under `gatsby-2024` with the policy's `b5CountsPartTimeJob`, a job
 * held during an academic year counts as that year's B5 employer encounter.
 */
export interface CreatePartTimeJobRequest {
  employerName: string;
  sector?: Sector | null;
  /** Hours a week, to one decimal place. */
  hoursPerWeek: number;
  from: IsoDate;
  /** Left out or null while the learner still holds the job. */
  to?: IsoDate | null;
}

/** Body of `PATCH /api/learners/{id}/part-time-jobs/{jobId}`: the fields to change; null clears `sector` or `to`. */
export type UpdatePartTimeJobRequest = Partial<CreatePartTimeJobRequest>;

/** A part-time job as the API answers it. */
export interface PartTimeJobResponse {
  id: string;
  learnerId: string;
  employerName: string;
  sector: Sector | null;
  hoursPerWeek: number;
  from: IsoDate;
  to: IsoDate | null;
  /** ISO 8601 with offset. */
  createdAt: string;
  updatedAt: string;
}
