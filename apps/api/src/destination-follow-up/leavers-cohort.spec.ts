import type {
  ActualDestinationCategory,
  CoverageCharacteristics,
  DestinationAnniversary,
} from '@encounters/domain';
import { anniversariesToFollowUp, anniversaryFigures, type CohortLeaver, leftOn } from './leavers-cohort';

const characteristics = (overrides: Partial<CoverageCharacteristics> = {}): CoverageCharacteristics => ({
  pupilPremium: false,
  senStatus: 'N',
  eal: false,
  lookedAfter: false,
  freeSchoolMeals: false,
  gender: 'F',
  ...overrides,
});

const leaver = (
  destinations: [DestinationAnniversary, ActualDestinationCategory][],
  overrides: Partial<CoverageCharacteristics> = {},
): CohortLeaver => ({
  characteristics: characteristics(overrides),
  destinations: destinations.map(([anniversary, category]) => ({ anniversary, category })),
});

describe(leftOn.name, () => {
  it('R-DEST-4: is the leaving date, else the last day of the academic year left in', () => {
    expect(leftOn(2024, '2025-05-20')).toBe('2025-05-20');
    expect(leftOn(2024, null)).toBe('2025-08-31');
  });
});

describe(anniversariesToFollowUp.name, () => {
  it('R-DEST-4: lists the anniversaries reached with nothing recorded', () => {
    expect(anniversariesToFollowUp(2022, [], null, '2024-10-01')).toEqual([1, 2]);
    expect(anniversariesToFollowUp(2022, [1], true, '2024-09-30')).toEqual([]);
    expect(anniversariesToFollowUp(2022, [2], true, '2030-01-01')).toEqual([1, 3]);
  });

  it('R-DEST-4: follows up a leaver who refused follow-up after 16 at the first anniversary only', () => {
    expect(anniversariesToFollowUp(2022, [], false, '2030-01-01')).toEqual([1]);
    expect(anniversariesToFollowUp(2022, [1], false, '2030-01-01')).toEqual([]);
  });
});

describe(anniversaryFigures.name, () => {
  it('R-DEST-5: counts by category, the share in EET of all leavers to one decimal place', () => {
    const sut = anniversaryFigures(2024, 1, [
      leaver([[1, 'apprenticeship']]),
      leaver([[1, 'neet']]),
      leaver([[1, 'not_known']]),
      leaver([[1, 'other']]),
      leaver([[2, 'employment']]),
      leaver([]),
    ]);
    expect(sut).toMatchObject({
      anniversary: 1,
      on: '2025-10-01',
      leavers: 6,
      recorded: 4,
      inEet: 1,
      neet: 1,
      notKnown: 1,
      percentInEet: 16.7,
    });
  });

  it('R-G-3: gives each subgroup its share minus the rest, in points, null where a side is empty', () => {
    const sut = anniversaryFigures(2024, 1, [
      leaver([[1, 'employment']], { pupilPremium: true }),
      leaver([[1, 'neet']], { pupilPremium: true }),
      leaver([[1, 'further_education']]),
      leaver([[1, 'higher_education']]),
      leaver([[1, 'neet']]),
    ]);
    // Pupil premium 1 of 2 (50%), the rest 2 of 3 (66.67%).
    expect(sut.gaps['pupilPremium:yes']).toBe(-16.7);
    expect(sut.gaps['pupilPremium:no']).toBe(16.7);
    // Everyone has no SEN: an empty rest.
    expect(sut.gaps['sen:N']).toBeNull();
    expect(sut.gaps['sen:K']).toBeNull();
    expect(sut.gaps['gender:F']).toBeNull();
  });

  it('has no share for a cohort without leavers', () => {
    expect(anniversaryFigures(2024, 3, [])).toMatchObject({
      leavers: 0,
      percentInEet: null,
      on: '2027-10-01',
    });
  });
});
