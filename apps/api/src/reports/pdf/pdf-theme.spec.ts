import type { RuleTally } from '@encounters/domain';
import { COLOURS, tallyColour } from './pdf-theme';

function tally(met: number, onTrack: number, atRisk: number, missed: number): RuleTally {
  const applicable = met + onTrack + atRisk + missed;
  return {
    met,
    onTrack,
    atRisk,
    missed,
    applicable,
    percent: applicable ? Math.round((met / applicable) * 1000) / 10 : null,
  };
}

describe(tallyColour.name, () => {
  it('paints a figure with most learners on track blue, not red (Objective 2 in November)', () => {
    expect(tallyColour(tally(193, 2449, 0, 0))).toBe(COLOURS.onTrack);
  });

  it('paints it green from 80% met, whatever the rest', () => {
    expect(tallyColour(tally(80, 0, 5, 15))).toBe(COLOURS.met);
  });

  it('paints it amber when at least one learner in twenty is at risk or has missed, red when one in twenty has missed', () => {
    expect(tallyColour(tally(50, 45, 5, 0))).toBe(COLOURS.atRisk);
    expect(tallyColour(tally(50, 45, 2, 3))).toBe(COLOURS.atRisk);
    expect(tallyColour(tally(50, 45, 0, 5))).toBe(COLOURS.missed);
    expect(tallyColour(tally(50, 46, 4, 0))).toBe(COLOURS.onTrack);
  });

  it('greys out a rule that applies to nobody', () => {
    expect(tallyColour(tally(0, 0, 0, 0))).toBe(COLOURS.notApplicable);
  });
});
