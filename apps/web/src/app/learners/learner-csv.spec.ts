import { LearnerListItem } from '@encounters/domain';

import { learnerListItem } from '../testing/learners';
import { learnersCsv } from './learner-csv';

/** A Year 11 learner of academy-1, class 11A. */
const learner = (overrides: Partial<LearnerListItem>) =>
  learnerListItem({ academyId: 'academy-1', yearGroup: 11, group: { id: 'g', name: '11A' }, ...overrides });

describe(learnersCsv.name, () => {
  it('writes words with the code beside them, quoted, with a byte-order mark and CRLF line ends', () => {
    const csv = learnersCsv(
      [learner({ ruleStatus: 'at_risk' }), learner({ name: '=cmd', legalSurname: '=cmd', group: null })],
      new Map([['academy-1', 'Kilnside Academy']]),
      'B8_16',
    );
    const lines = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(
      '"Surname","Forename","Name","UPN","Academy","Year group","Year group code","Class",' +
        '"Benchmark 8: personal guidance by 16: status","Status code"',
    );
    expect(lines[1]).toBe(
      '"Okafor","Ada","Ada Okafor","A123456789012","Kilnside Academy","Year 11","11","11A","At risk","at_risk"',
    );
    // A name that looks like a formula is kept as text.
    expect(lines[2].startsWith(`"'=cmd","Ada","'=cmd"`)).toBe(true);
    expect(lines[3]).toBe('');
  });

  it('has no status columns without a rule', () => {
    const [header] = learnersCsv([learner({})], new Map(), null)
      .slice(1)
      .split('\r\n');
    expect(header).not.toContain('Status');
  });
});
