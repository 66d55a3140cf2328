import { defaultPolicy } from './policy';
import { OfferedEncounter, palThreeOffer } from './pal3-offer';
import { EVERY_ITEM_TICKED } from './testing/encounters';
import { policyWith } from './testing/rule-table';

const offered = (
  id: string,
  date: string,
  offeredTo: number[],
  overrides: Partial<OfferedEncounter> = {},
) => ({
  id,
  date,
  offeredTo,
  categories: ['education_provider_encounter', 'pal_provider_encounter'] as const,
  meaningful: EVERY_ITEM_TICKED,
  ...overrides,
});

const input = (encounters: OfferedEncounter[], asAt = '2026-03-15') => ({
  academicYear: 2025,
  asAt,
  hasSixthFormLearners: true,
  encounters,
  policyFor: defaultPolicy,
});

describe(palThreeOffer.name, () => {
  it('R-PAL-4: two PAL encounters offered to Years 12 and 13 before 1 March meet the offer', () => {
    const sut = palThreeOffer(
      input([offered('a', '2025-10-01', [12, 13]), offered('b', '2026-02-28', [11, 12, 13])]),
    );
    expect(sut).toEqual({
      rule: 'PAL3_OFFER',
      status: 'met',
      window: { start: '2025-09-01', end: '2026-02-28' },
      evidence: ['a', 'b'],
      stillNeeded: null,
      metOn: '2026-02-28',
    });
  });

  it('R-PAL-4: offered to Year 12 only, or held after February, it does not count', () => {
    const sut = palThreeOffer(
      input([
        offered('a', '2025-10-01', [12, 13]),
        offered('b', '2025-11-01', [12]),
        offered('c', '2026-03-02', [12, 13]),
      ]),
    );
    expect(sut).toMatchObject({
      status: 'missed',
      evidence: ['a'],
      stillNeeded:
        'Missed on 28 Feb 2026: 1 more provider access encounter offered to Years 12 and 13 needed',
    });
  });

  it('R-PAL-4, R-PAL-3: an encounter without the content the law asks for does not count', () => {
    const bare = { meaningful: { twoWayInteraction: true } };
    const encounters = [offered('a', '2025-10-01', [12, 13]), offered('b', '2025-11-01', [12, 13], bare)];
    expect(palThreeOffer(input(encounters, '2025-12-01')).status).toBe('at_risk');
    const lenient = {
      ...input(encounters, '2025-12-01'),
      policyFor: policyWith({ palRequiresContent: false }),
    };
    expect(palThreeOffer(lenient).status).toBe('met');
  });

  it('R-PAL-4, R-S-2: at risk from 29 October, missed after the end of February', () => {
    expect(palThreeOffer(input([], '2025-10-28')).status).toBe('on_track');
    expect(palThreeOffer(input([], '2025-10-29')).status).toBe('at_risk');
    expect(palThreeOffer(input([], '2026-03-01')).status).toBe('missed');
  });

  it('R-PAL-4, R-AY-5: an encounter after the as-at date does not count yet', () => {
    const sut = palThreeOffer(
      input([offered('a', '2025-10-01', [12, 13]), offered('b', '2026-01-10', [12, 13])], '2026-01-09'),
    );
    expect(sut).toMatchObject({ status: 'at_risk', evidence: ['a'], metOn: '2026-01-10' });
  });

  it('R-PAL-4, R-V-3: not applicable without Year 12–13 learners, or at a post-16 academy', () => {
    const encounters = [offered('a', '2025-10-01', [12, 13]), offered('b', '2025-11-01', [12, 13])];
    expect(palThreeOffer({ ...input(encounters), hasSixthFormLearners: false }).status).toBe(
      'not_applicable',
    );
    expect(palThreeOffer({ ...input(encounters), evaluationType: 'post16' }).status).toBe('not_applicable');
  });
});
