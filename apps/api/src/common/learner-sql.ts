import type { SqlParams } from './sql-params';

/** The name to show, in SQL for the learner row aliased `learner`: preferred names where given, legal ones otherwise. */
export function learnerNameSql(learner: string): string {
  return `coalesce(${learner}.preferred_forename, ${learner}.legal_forename) || ' ' ||
    coalesce(${learner}.preferred_surname, ${learner}.legal_surname)`;
}

/** The name to show, as `learnerNameSql` answers it, for a learner already read. */
export function displayName(learner: {
  legalSurname: string;
  legalForename: string;
  preferredSurname: string | null;
  preferredForename: string | null;
}): string {
  return `${learner.preferredForename ?? learner.legalForename} ${learner.preferredSurname ?? learner.legalSurname}`;
}

/** SQL for an enrolment that holds the date: admitted by then (or no admission date) and not yet left. */
export function enrolledOnSql(enrolment: string, date: string): string {
  return `(${enrolment}.admission_date IS NULL OR ${enrolment}.admission_date <= ${date}::date)
      AND (${enrolment}.leaving_date IS NULL OR ${enrolment}.leaving_date >= ${date}::date)`;
}

/**
 * The conditions of a search of learners by UPN or name, for the learner row aliased `learner`: every word
 * (at most five) must appear somewhere in the UPN or the names, LIKE's wildcards taken literally; the trigram
 * index on `search_text` serves each. The same search as the learners page's.
 */
export function learnerSearchConditions(q: string | undefined, p: SqlParams, learner = 'l'): string[] {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  return words.map(
    (word) =>
      `${learner}.search_text LIKE ${p.add(`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`)}`,
  );
}
