import {
  type ActualDestinationCategory,
  addDays,
  daysBetween,
  type DestinationCategory,
  type DestinationStatus,
  type DestinationStatusChange,
} from '@encounters/domain';

/*
 * How destinations are spread in the generated data, the demo trust's and the parametric trusts' alike:
 * the mix of categories by year group, and the dated path of an intended destination through its statuses.
 */

export type Weighted<T> = readonly (readonly [T, number])[];

/** Where Year 11 learners of an academy with its own sixth form mean to go. */
export const YEAR_11_WITH_SIXTH_FORM: Weighted<DestinationCategory> = [
  ['school_sixth_form', 38],
  ['sixth_form_college', 12],
  ['further_education', 22],
  ['apprenticeship', 9],
  ['t_level', 6],
  ['supported_internship', 1],
  ['employment_with_training', 2],
  ['other', 2],
  ['not_known', 8],
];
/** …and of an academy without one: most go to a college. */
export const YEAR_11: Weighted<DestinationCategory> = [
  ['school_sixth_form', 10],
  ['sixth_form_college', 28],
  ['further_education', 30],
  ['apprenticeship', 11],
  ['t_level', 7],
  ['supported_internship', 1],
  ['employment_with_training', 2],
  ['other', 2],
  ['not_known', 9],
];
export const YEAR_13: Weighted<DestinationCategory> = [
  ['higher_education', 48],
  ['apprenticeship', 15],
  ['employment_with_training', 8],
  ['employment', 9],
  ['further_education', 4],
  ['other', 7],
  ['not_known', 9],
];
/** What leavers were doing on 1 October after leaving: mostly as intended, a few NEET or not known. */
export const LEFT_YEAR_11: Weighted<ActualDestinationCategory> = [
  ['school_sixth_form', 30],
  ['sixth_form_college', 18],
  ['further_education', 25],
  ['apprenticeship', 9],
  ['t_level', 5],
  ['employment_with_training', 2],
  ['supported_internship', 1],
  ['employment', 1],
  ['other', 1],
  ['neet', 4],
  ['not_known', 4],
];
export const LEFT_YEAR_13: Weighted<ActualDestinationCategory> = [
  ['higher_education', 47],
  ['apprenticeship', 13],
  ['employment', 12],
  ['employment_with_training', 8],
  ['further_education', 4],
  ['other', 4],
  ['neet', 6],
  ['not_known', 6],
];

/** The draws a plan makes from its seeded sequence. */
export interface Draws {
  int(low: number, high: number): number;
  chance(probability: number): boolean;
}

/** One of the items, drawn with the chances their weights give. */
export function weighted<T>(next: () => number, items: Weighted<T>): T {
  let roll = next() * items.reduce((total, [, weight]) => total + weight, 0);
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

/** Monday to Friday: moves a weekend date back to the Friday. */
export function weekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/** The date, kept from `from` to `to`. */
export function within(date: string, from: string, to: string): string {
  return date < from ? from : date > to ? to : date;
}

/**
 * R-DEST-1: the changes of a destination from its first record (on or after `from`) up to `to`: most start
 * by considering, then each step follows after some weeks (applications in the autumn, offers through the
 * winter, acceptances in the spring), a few stall, and a few are declined or withdrawn. The first record
 * falls by `startBy` when given. A learner enrols only after leaving: early in September of the next
 * academic year (`enrol.from`), when that is by `enrol.by`.
 */
export function destinationHistory(
  random: Draws,
  from: string,
  to: string,
  category: DestinationCategory,
  options: { startBy?: string; enrol?: { from: string; by: string } } = {},
): DestinationStatusChange[] {
  const { startBy = to, enrol } = options;
  // Most destinations are first recorded early in the autumn, after the first guidance meetings.
  const span = Math.max(0, daysBetween(from, startBy < to ? startBy : to));
  const on = within(weekday(addDays(from, Math.floor((span * random.int(0, 1000) ** 2) / 1e6))), from, to);
  const history: DestinationStatusChange[] = [
    { status: random.chance(0.2) && category !== 'not_known' ? 'applied' : 'considering', on },
  ];
  if (category === 'not_known') return history;
  const steps: { status: DestinationStatus; chance: number; days: [number, number] }[] = [
    { status: 'applied', chance: 0.96, days: [5, 30] },
    { status: 'offered', chance: 0.96, days: [10, 60] },
    { status: 'accepted', chance: 0.96, days: [7, 50] },
  ];
  for (const step of steps.filter(({ status }) => status !== history[0].status)) {
    const last = history[history.length - 1];
    const date = weekday(addDays(last.on, random.int(...step.days)));
    if (date > to || date < last.on || !random.chance(step.chance)) break;
    // Out of the pipeline: a withdrawn application, an offer declined.
    if (step.status === 'offered' && random.chance(0.04)) {
      history.push({ status: 'withdrawn', on: date });
      break;
    }
    if (step.status === 'accepted' && random.chance(0.06)) {
      history.push({ status: 'declined', on: date });
      break;
    }
    history.push({ status: step.status, on: date });
  }
  const enrolOn = enrol && weekday(addDays(enrol.from, 2 + random.int(0, 5)));
  if (enrol && enrolOn && enrolOn >= enrol.from && enrolOn <= enrol.by) {
    if (history[history.length - 1].status === 'accepted' && random.chance(0.95))
      history.push({ status: 'enrolled', on: enrolOn });
  }
  return history;
}
