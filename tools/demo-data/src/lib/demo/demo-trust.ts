import type { AcademyEvaluationType, AcademyPhase } from '@encounters/domain';

/** A fictional trust: the names are invented and the URNs are not real schools'. */
export const DEMO_TRUST = {
  name: 'Kilnside Learning Trust',
  academies: [
    { name: 'Kilnside Academy', urn: '900001', phase: 'secondary' },
    { name: 'Burslem Vale Academy', urn: '900002', phase: 'secondary' },
    { name: 'Trentham Fields Academy', urn: '900003', phase: 'all_through' },
    // R-V-1: judged as a sixth-form college, not by school rules.
    { name: 'Kilnside Sixth Form College', urn: '900004', phase: 'sixth_form', evaluationType: 'post16' },
    { name: 'Longton Middle School', urn: '900005', phase: 'middle' },
  ] satisfies { name: string; urn: string; phase: AcademyPhase; evaluationType?: AcademyEvaluationType }[],
};
