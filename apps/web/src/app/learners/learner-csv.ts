import { LearnerListItem, RULE_LABELS, RULE_STATUS_LABELS, RuleId } from '@encounters/domain';

/** Formulas typed into a name must not run when the file is opened: =, +, - and @ lead them. */
function safe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function record(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map((field) => `"${field === null || field === undefined ? '' : safe(String(field)).replace(/"/g, '""')}"`).join(',')}\r\n`;
}

/**
 * The learners page's list as CSV for a spreadsheet: a header row, then one row per learner, in words with
 * a stable code beside each (the year group's number, the status code), UTF-8 with a byte-order mark so
 * that Excel reads the names right.
 */
export function learnersCsv(
  learners: readonly LearnerListItem[],
  academyNames: ReadonlyMap<string, string>,
  rule: RuleId | null,
): string {
  const header = ['Surname', 'Forename', 'Name', 'UPN', 'Academy', 'Year group', 'Year group code', 'Class'];
  if (rule) header.push(`${RULE_LABELS[rule]}: status`, 'Status code');
  let text = `\uFEFF${record(header)}`;
  for (const learner of learners) {
    const fields: (string | number | null)[] = [
      learner.preferredSurname ?? learner.legalSurname,
      learner.preferredForename ?? learner.legalForename,
      learner.name,
      learner.upn,
      academyNames.get(learner.academyId) ?? '',
      `Year ${learner.yearGroup}`,
      learner.yearGroup,
      learner.group?.name ?? '',
    ];
    if (rule) {
      fields.push(learner.ruleStatus ? RULE_STATUS_LABELS[learner.ruleStatus] : '', learner.ruleStatus ?? '');
    }
    text += record(fields);
  }
  return text;
}
