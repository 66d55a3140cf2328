import { DestinationStatusChange } from '../destinations';
import { evaluateLearner } from './evaluate-learner';
import { learnerProgress, learnerProgressBySearch, statusFromProgress } from './learner-progress';
import { IntendedDestinationRecord, LearnerRecord } from './learner-record';
import { enrolment, learner } from './testing/learner-builder';
import { evaluate, policyWith } from './testing/rule-table';

const changes = (...steps: [DestinationStatusChange['status'], string][]): DestinationStatusChange[] =>
  steps.map(([status, on]) => ({ status, on }));

function inYear(
  yearGroup: number,
  history: DestinationStatusChange[] | null,
  academicYear = 2025,
  destinationYear = academicYear,
): LearnerRecord {
  const intendedDestinations: IntendedDestinationRecord[] = history
    ? [{ id: 'dest-1', academicYear: destinationYear, history }]
    : [];
  return learner({ enrolments: [enrolment(academicYear, yearGroup)], intendedDestinations });
}

describe(evaluateLearner.name, () => {
  describe('destinations (R-DEST-2)', () => {
    it('R-DEST-2: DEST_16 applies in Year 11 only and DEST_18 in Year 13 only', () => {
      expect(evaluate(inYear(11, null), 2025, '2025-10-01').DEST_16.status).toBe('on_track');
      expect(evaluate(inYear(11, null), 2025, '2025-10-01').DEST_18.status).toBe('not_applicable');
      expect(evaluate(inYear(13, null), 2025, '2025-10-01').DEST_18.status).toBe('on_track');
      expect(evaluate(inYear(13, null), 2025, '2025-10-01').DEST_16.status).toBe('not_applicable');
      for (const yearGroup of [7, 10, 12, 14]) {
        const results = evaluate(inYear(yearGroup, null), 2025, '2025-10-01');
        expect([results.DEST_16.status, results.DEST_18.status]).toEqual([
          'not_applicable',
          'not_applicable',
        ]);
      }
    });

    it('R-DEST-2: the window runs from 1 September to policy dest.confirmBy (31 May by default)', () => {
      const result = evaluate(inYear(11, null), 2025, '2025-10-01').DEST_16;
      expect(result.window).toEqual({ start: '2025-09-01', end: '2026-05-31' });
      expect(result.stillNeeded).toBe('a confirmed destination (accepted or enrolled) by 31 May 2026');
      const later = evaluate(
        inYear(11, null),
        2025,
        '2025-10-01',
        policyWith({ dest: { confirmBy: '06-30' } }),
      );
      expect(later.DEST_16.window?.end).toBe('2026-06-30');
    });

    it('R-DEST-2: met when the destination is accepted or enrolled, from the day it was', () => {
      const record = inYear(
        11,
        changes(['considering', '2025-10-01'], ['applied', '2025-11-10'], ['accepted', '2026-03-02']),
      );
      expect(evaluate(record, 2025, '2026-03-01').DEST_16).toMatchObject({
        status: 'at_risk',
        stillNeeded: 'a confirmed destination (accepted or enrolled; applied so far) by 31 May 2026',
      });
      expect(evaluate(record, 2025, '2026-03-02').DEST_16).toMatchObject({
        status: 'met',
        evidence: ['dest-1'],
        stillNeeded: null,
      });
    });

    it('R-DEST-2: offered, declined and withdrawn do not confirm; unconfirmed at the window end is missed', () => {
      for (const status of ['considering', 'applied', 'offered', 'declined', 'withdrawn'] as const) {
        const record = inYear(13, changes([status, '2025-12-01']));
        expect(evaluate(record, 2025, '2026-01-15').DEST_18.status).toBe('on_track');
        expect(evaluate(record, 2025, '2026-06-01').DEST_18.status).toBe('missed');
      }
    });

    it('R-DEST-2 (settled reading): a place withdrawn later no longer confirms the earlier dates', () => {
      const record = inYear(11, changes(['accepted', '2025-11-01'], ['withdrawn', '2026-02-01']));
      expect(evaluate(record, 2025, '2025-12-01').DEST_16.status).toBe('on_track');
      const again = inYear(
        11,
        changes(['accepted', '2025-11-01'], ['withdrawn', '2026-02-01'], ['accepted', '2026-02-20']),
      );
      expect(evaluate(again, 2025, '2026-02-19').DEST_16.status).toBe('at_risk');
      expect(evaluate(again, 2025, '2026-02-20').DEST_16.status).toBe('met');
    });

    it('R-DEST-2: accepted then enrolled stays confirmed from the acceptance', () => {
      const record = inYear(11, changes(['accepted', '2026-04-01'], ['enrolled', '2026-09-05']));
      expect(evaluate(record, 2025, '2026-04-01').DEST_16.status).toBe('met');
    });

    it('R-DEST-2: confirmed after the window has closed does not count (the window is closed)', () => {
      const record = inYear(11, changes(['applied', '2026-01-10'], ['accepted', '2026-06-10']));
      expect(evaluate(record, 2025, '2026-07-01').DEST_16.status).toBe('missed');
    });

    it("R-DEST-1: only the destination of the year evaluated counts, not last year's", () => {
      const record = inYear(13, changes(['accepted', '2024-12-01']), 2025, 2024);
      expect(evaluate(record, 2025, '2025-12-01').DEST_18.status).toBe('on_track');
    });
  });
});

describe(learnerProgress.name, () => {
  it('R-DEST-2: the stored first-met date is the confirmation date, as the search finds it', () => {
    const records = [
      inYear(
        11,
        changes(['considering', '2025-10-01'], ['accepted', '2026-03-02'], ['enrolled', '2026-09-04']),
      ),
      inYear(
        13,
        changes(['accepted', '2025-11-01'], ['withdrawn', '2026-02-01'], ['accepted', '2026-02-20']),
      ),
      inYear(11, changes(['offered', '2026-01-01'])),
      inYear(13, changes(['accepted', '2026-06-01'])),
      inYear(11, null),
    ];
    for (const record of records) {
      const fast = learnerProgress(record, 2025, policyWith());
      expect(fast).toEqual(learnerProgressBySearch(record, 2025, policyWith()));
      for (const asAt of ['2025-12-01', '2026-02-19', '2026-03-02', '2026-05-31', '2026-06-01']) {
        const rule = record.enrolments[0].yearGroup === 11 ? 'DEST_16' : 'DEST_18';
        expect(statusFromProgress(fast.rules[rule], asAt, fast.atRiskDays, rule)).toBe(
          evaluate(record, 2025, asAt)[rule].status,
        );
      }
    }
    expect(learnerProgress(records[0], 2025, policyWith()).rules.DEST_16).toEqual({
      windowEnd: '2026-05-31',
      metOn: '2026-03-02',
    });
  });
});
