import { LearnerNames } from '@encounters/domain';

/** What a pasted line is matched on: the UPN, the name shown and, where known, the legal and preferred names. */
export interface MatchableLearner {
  id: string;
  upn: string;
  name: string;
  names?: Partial<LearnerNames>;
  legalSurname?: string;
  legalForename?: string;
  preferredSurname?: string | null;
  preferredForename?: string | null;
}

export interface PastedMatch<T extends MatchableLearner = MatchableLearner> {
  found: T[];
  /** Lines that match nobody on the roll. */
  notFound: string[];
  /** Lines that match more than one learner: a UPN tells them apart. */
  ambiguous: string[];
}

const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;

/** For comparing names: accents dropped, white space folded, lower case ("  Zoë  Ann" → "zoe ann"). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The ways a learner's name may be written in a pasted list: "Ada Okafor", "Okafor, Ada", legal or preferred. */
function namesOf(learner: MatchableLearner): string[] {
  const parts = learner.names ?? learner;
  const forenames = [parts.legalForename, parts.preferredForename].filter(Boolean) as string[];
  const surnames = [parts.legalSurname, parts.preferredSurname].filter(Boolean) as string[];
  const names = [learner.name];
  for (const forename of forenames) {
    for (const surname of surnames) {
      names.push(`${forename} ${surname}`, `${surname}, ${forename}`, `${surname} ${forename}`);
    }
  }
  return names.map(fold);
}

/**
 * Matches a pasted list (one UPN or name per line, or separated by commas and tabs when every item is a
 * UPN) against the academy's roll.
 */
export function matchPastedLearners<T extends MatchableLearner>(
  text: string,
  roll: readonly T[],
): PastedMatch<T> {
  const lines = text
    .split(/\r?\n/)
    .flatMap((line) => {
      const cells = line.split(/[\t,;]/).map((cell) => cell.trim());
      return cells.length > 1 && cells.every((cell) => !cell || UPN.test(cell.toUpperCase()))
        ? cells
        : [line.trim()];
    })
    .filter(Boolean);
  const byUpn = new Map(roll.map((learner) => [learner.upn.toUpperCase(), learner]));
  const byName = new Map<string, T[]>();
  for (const learner of roll) {
    for (const name of new Set(namesOf(learner))) {
      byName.set(name, [...(byName.get(name) ?? []), learner]);
    }
  }
  const found = new Map<string, T>();
  const notFound: string[] = [];
  const ambiguous: string[] = [];
  for (const line of lines) {
    const upn = line.toUpperCase();
    if (UPN.test(upn)) {
      const learner = byUpn.get(upn);
      if (learner) found.set(learner.id, learner);
      else notFound.push(line);
      continue;
    }
    const matches = byName.get(fold(line)) ?? [];
    if (matches.length === 1) found.set(matches[0].id, matches[0]);
    else if (matches.length > 1) ambiguous.push(line);
    else notFound.push(line);
  }
  return { found: [...found.values()], notFound, ambiguous };
}
