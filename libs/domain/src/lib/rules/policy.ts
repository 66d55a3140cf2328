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
  /**
   * Kept so that stored policies and clients stay valid; no longer read by the rules. R-V-1 replaced it with
   * each academy's `evaluationType` (the 2025 revision's migration turned it into that).
   */
  collegeMode: boolean;
  atRiskDays: number;
  localPrioritySectors: Sector[];
  /** R-WEX-1..4: the two weeks' worth of work experience. */
  wex: WorkExperiencePolicy;
  /** R-PAL-3: a provider encounter counts for PAL1/PAL2 only with the content the law asks for. */
  palRequiresContent: boolean;
  /** R-WEX-7: under gatsby-2024, a part-time job held during a year counts as that year's B5 encounter. */
  b5CountsPartTimeJob: boolean;
  /** R-DEST-2: the day ("MM-DD") by which Years 11 and 13 should have a confirmed destination. */
  dest: DestinationPolicy;
}

export interface DestinationPolicy {
  /** "MM-DD"; 31 May unless set. */
  confirmBy: string;
}

export interface WorkExperiencePolicy {
  /** R-WEX-3: activity hours in Years 7..9 (`WEX_KS3`). */
  ks3Hours: number;
  /** R-WEX-3: placement hours in Years 10..11 (`WEX_KS4`). */
  ks4Hours: number;
  /** R-WEX-1: the default hours of each day of an experience that spans several days. */
  hoursPerDay: number;
  /** R-WEX-4: the largest share of each target that virtual hours may make up. */
  virtualShareMax: number;
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
    wex: { ks3Hours: 25, ks4Hours: 25, hoursPerDay: 6, virtualShareMax: 0.5 },
    palRequiresContent: true,
    b5CountsPartTimeJob: false,
    dest: { confirmBy: '05-31' },
  };
}

/**
 * A stored policy with the fields added since it was saved taken from the year's defaults (the 2025
 * revision added `wex`, `palRequiresContent`, `b5CountsPartTimeJob` and `dest`): policies saved before keep working.
 */
export function withPolicyDefaults(academicYear: AcademicYear, stored: Partial<Policy>): Policy {
  const defaults = defaultPolicy(academicYear);
  return {
    ...defaults,
    ...stored,
    wex: { ...defaults.wex, ...(stored.wex ?? {}) },
    dest: { ...defaults.dest, ...(stored.dest ?? {}) },
  };
}

/** The stored policy for a year where the trust has saved one, otherwise that year's default. */
export function policyLookup(stored: Readonly<Partial<Record<AcademicYear, Policy>>> = {}): PolicyLookup {
  const completed = new Map<AcademicYear, Policy>();
  return (academicYear) => {
    const policy = stored[academicYear];
    if (!policy) return defaultPolicy(academicYear);
    let complete = completed.get(academicYear);
    if (!complete) {
      complete = withPolicyDefaults(academicYear, policy);
      completed.set(academicYear, complete);
    }
    return complete;
  };
}
