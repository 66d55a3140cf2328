import type { AcademyEvaluationType } from '../rules/learner-record';

/** First and middle schools are part of the trust, hence the phases beyond primary and secondary. */
export const ACADEMY_PHASES = [
  'primary',
  'first',
  'middle',
  'secondary',
  'sixth_form',
  'all_through',
  'special',
] as const;
export type AcademyPhase = (typeof ACADEMY_PHASES)[number];

/** Body of `POST /api/academies`. */
export interface CreateAcademyRequest {
  name: string;
  /** The DfE unique reference number: six digits. */
  urn: string;
  phase: AcademyPhase;
  /**
   * R-V-1: `school` (the default) or `post16`, a sixth-form college judged by the programme rules; replaces
   * the policy's `collegeMode`.
   */
  evaluationType?: AcademyEvaluationType;
}

/** Body of `PATCH /api/academies/{id}`. */
export type UpdateAcademyRequest = Partial<CreateAcademyRequest>;

export interface AcademyResponse extends CreateAcademyRequest {
  id: string;
  evaluationType: AcademyEvaluationType;
}
