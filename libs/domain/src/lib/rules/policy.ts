import { AcademicYear } from '../calendar';
import { EducationOrganisationType, STOKE_AND_STAFFORDSHIRE_PRIORITY_SECTORS, Sector } from '../taxonomy';

export const RULE_SETS = ['gatsby-2014', 'gatsby-2024'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

/** The 2024 benchmarks became statutory in September 2025. */
export const FIRST_GATSBY_2024_ACADEMIC_YEAR = 2025;

/** The trust's policy for one academic year; fields as served by `/api/policy/{academicYear}`. */
export interface Policy {
  ruleSet: RuleSet;
  requireMeaningful: boolean;
  b6By16: number;
  b7Range: EducationOrganisationType[];
  o2: { employer: number; education: number; requireAdvice: boolean };
  collegeMode: boolean;
  atRiskDays: number;
  localPrioritySectors: Sector[];
}

export type PolicyLookup = (academicYear: AcademicYear) => Policy;

export function defaultRuleSet(academicYear: AcademicYear): RuleSet {
  return academicYear >= FIRST_GATSBY_2024_ACADEMIC_YEAR ? 'gatsby-2024' : 'gatsby-2014';
}

export function defaultPolicy(academicYear: AcademicYear): Policy {
  const ruleSet = defaultRuleSet(academicYear);
  return {
    ruleSet,
    requireMeaningful: true,
    // The 2024 benchmark says "experiences", plural; the 2014 one asked for one.
    b6By16: ruleSet === 'gatsby-2024' ? 2 : 1,
    b7Range: ['higher_education', 'further_education', 'sixth_form', 'independent_training_provider'],
    o2: { employer: 1, education: 1, requireAdvice: true },
    collegeMode: false,
    atRiskDays: 122,
    localPrioritySectors: [...STOKE_AND_STAFFORDSHIRE_PRIORITY_SECTORS],
  };
}

/** The stored policy for a year where the trust has saved one, otherwise that year's default. */
export function policyLookup(stored: Readonly<Partial<Record<AcademicYear, Policy>>> = {}): PolicyLookup {
  return (academicYear) => stored[academicYear] ?? defaultPolicy(academicYear);
}
