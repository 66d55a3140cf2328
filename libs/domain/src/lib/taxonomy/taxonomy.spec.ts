import {
  DELIVERY_MODES,
  ENCOUNTER_FORMATS,
  isEncounterFormat,
  isSpecialistAdviserLevel,
} from './encounter-format';
import { ORGANISATION_TYPES, isEducationOrganisationType, isOrganisationType } from './organisation-type';
import { SECTORS, STOKE_AND_STAFFORDSHIRE_PRIORITY_SECTORS, isSector } from './sector';

describe(isOrganisationType.name, () => {
  it('R-C-1..7: there are 8 organisation types, 15 formats and 3 delivery modes', () => {
    expect(ORGANISATION_TYPES).toHaveLength(8);
    expect(ENCOUNTER_FORMATS).toHaveLength(15);
    expect(DELIVERY_MODES).toEqual(['in_person', 'virtual', 'mixed']);
  });

  it('R-C-1: guards reject unknown values', () => {
    expect(isOrganisationType('school')).toBe(false);
    expect(isEncounterFormat('assembly')).toBe(false);
    expect(isEncounterFormat('talk')).toBe(true);
  });
});

describe(isEducationOrganisationType.name, () => {
  it('R-C-3: only the five provider types are education types', () => {
    expect(ORGANISATION_TYPES.filter(isEducationOrganisationType)).toEqual([
      'higher_education',
      'further_education',
      'sixth_form',
      'independent_training_provider',
      'utc_or_studio_school',
    ]);
  });
});

describe(isSpecialistAdviserLevel.name, () => {
  it('R-C-5: level 6 and above is specialist, below is not', () => {
    expect([5, 6, 7, null, undefined].map(isSpecialistAdviserLevel)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe(isSector.name, () => {
  it('Sectors: the 15 technical-education routes, spelt exactly', () => {
    expect(SECTORS).toHaveLength(15);
    expect(isSector('Legal, finance and accounting')).toBe(true);
    expect(isSector('Digital')).toBe(true);
    expect(isSector('IT')).toBe(false);
  });

  it('Sectors: the local priorities are all real routes', () => {
    expect(STOKE_AND_STAFFORDSHIRE_PRIORITY_SECTORS.every(isSector)).toBe(true);
  });
});
