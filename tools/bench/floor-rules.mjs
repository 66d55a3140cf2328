// The rule ids the floor server answers, read from the rules library's own source (`RULE_IDS` in
// libs/domain/src/lib/rules/rule.ts, `PLANNED_EVIDENCE_RULES` in learner-progress.ts), so the lists have one
// owner and a new rule cannot leave the floor doing less work than the API. Read as text so that the floor
// server loads nothing of the API.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const rules = resolve(dirname(fileURLToPath(import.meta.url)), '../../libs/domain/src/lib/rules');

/** The quoted strings of the array literal `export const <name>… = [ … ]` in a source file of the rules library. */
export function listIn(file, name) {
  const source = readFileSync(resolve(rules, file), 'utf8');
  const found = new RegExp(`export const ${name}\\b[^=]*=\\s*\\[([^\\]]*)\\]`).exec(source);
  if (!found) throw new Error(`${name} not found in ${file}`);
  return [...found[1].matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

/** Every rule the API answers, in the API's order. */
export const RULE_IDS = listIn('rule.ts', 'RULE_IDS');

/** R-WEX-8: rules whose planned evidence keeps a learner on track inside the at-risk period. */
export const PLANNED_EVIDENCE_RULES = listIn('learner-progress.ts', 'PLANNED_EVIDENCE_RULES');
