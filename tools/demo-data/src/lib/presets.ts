export interface TrustParameters {
  academies: number;
  /** Learners on roll per academy in each year, spread over Years 7 to 13. */
  learnersPerAcademy: number;
  academicYears: number;
  /** The last academic year generated; the others come before it. */
  lastAcademicYear: number;
  encountersPerAcademyYear: number;
  attendeesPerEncounter: number;
  seed: number;
}

/** The shape of the full-size presets' academies and years: they differ only in how many academies. */
const FULL_SIZE_ACADEMIES = {
  learnersPerAcademy: 1200,
  academicYears: 5,
  lastAcademicYear: 2025,
  encountersPerAcademyYear: 100,
  attendeesPerEncounter: 120,
  seed: 2025,
} as const;

/**
 * The parametric trusts of `generateTrust`, by name. The `demo` preset is not among them: it is the curated
 * Kilnside Learning Trust of `./demo` (named academies of every phase, a directory of organisations, a year of
 * encounters so far), the very data `npm start` seeds and `db:generate --preset demo` writes.
 */
export const PRESETS = {
  /** Small enough to generate in milliseconds, for tests; the figures still show every status. */
  small: {
    academies: 3,
    learnersPerAcademy: 210,
    academicYears: 2,
    lastAcademicYear: 2025,
    encountersPerAcademyYear: 30,
    attendeesPerEncounter: 40,
    seed: 2025,
  },
  /** A tenth of `trust`, for checking that costs grow with what is asked, not with the trust. */
  'trust-tenth': {
    academies: 2,
    ...FULL_SIZE_ACADEMIES,
  },
  /** The trust: 20 academies, 24,000 learners, 5 academic years, about 1.2 million attendances. */
  trust: {
    academies: 20,
    ...FULL_SIZE_ACADEMIES,
  },
  /**
   * Five times `trust`: 100 academies, about 115,000 learners on roll, 6 million attendances, for checking
   * that the trust view stays flat as the trust grows (`npm run bench -- --preset hub`).
   */
  hub: {
    academies: 100,
    ...FULL_SIZE_ACADEMIES,
  },
} as const satisfies Record<string, TrustParameters>;

export type GeneratedPresetName = keyof typeof PRESETS;
export type PresetName = 'demo' | GeneratedPresetName;
export const PRESET_NAMES: readonly PresetName[] = [
  'demo',
  ...(Object.keys(PRESETS) as GeneratedPresetName[]),
];
