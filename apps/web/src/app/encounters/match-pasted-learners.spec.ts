import { LearnerListItem } from '@encounters/domain';

import { matchPastedLearners } from './match-pasted-learners';

function learner(
  id: string,
  upn: string,
  forename: string,
  surname: string,
  preferred?: string,
): LearnerListItem {
  return {
    id,
    upn,
    legalForename: forename,
    legalSurname: surname,
    preferredForename: preferred ?? null,
    preferredSurname: null,
    name: `${preferred ?? forename} ${surname}`,
    academyId: 'a',
    academicYear: 2026,
    yearGroup: 10,
    group: null,
  };
}

const roll = [
  learner('1', 'A123456789012', 'Ada', 'Okafor'),
  learner('2', 'B123456789012', 'Thomas', 'Reed', 'Tom'),
  learner('3', 'C123456789012', 'Sam', 'Price'),
  learner('4', 'D123456789012', 'Sam', 'Price'),
];

describe(matchPastedLearners.name, () => {
  it('matches UPNs in any case, and names written either way round', () => {
    const sut = matchPastedLearners('a123456789012\nReed, Tom\n  thomas reed \n', roll);

    expect(sut.found.map((found) => found.id)).toEqual(['1', '2']);
    expect(sut.notFound).toEqual([]);
  });

  it('accepts UPNs separated by commas or tabs, as copied from a spreadsheet row', () => {
    expect(matchPastedLearners('A123456789012, B123456789012\tC123456789012', roll).found).toHaveLength(3);
  });

  it('lists names it cannot find and names shared by two learners', () => {
    const sut = matchPastedLearners('Sam Price\nNobody Here\nZ999999999999', roll);

    expect(sut.found).toEqual([]);
    expect(sut.ambiguous).toEqual(['Sam Price']);
    expect(sut.notFound).toEqual(['Nobody Here', 'Z999999999999']);
  });
});
