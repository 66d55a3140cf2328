import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PLANNED_EVIDENCE_RULES, RULE_IDS } from './floor-rules.mjs';

const rules = resolve(dirname(fileURLToPath(import.meta.url)), '../../libs/domain/src/lib/rules');

/** The quoted strings of the array literal `export const <name>… = [ … ]` in a source file of the rules library. */
function listIn(file, name) {
  const source = readFileSync(resolve(rules, file), 'utf8');
  const found = new RegExp(`export const ${name}\\b[^=]*=\\s*\\[([^\\]]*)\\]`).exec(source);
  assert.ok(found, `${name} not found in ${file}`);
  return [...found[1].matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

test('the floor server answers every rule the API answers', () => {
  assert.deepEqual(RULE_IDS, listIn('rule.ts', 'RULE_IDS'));
});

test('the floor server applies R-WEX-8 to the same rules as the API', () => {
  assert.deepEqual(PLANNED_EVIDENCE_RULES, listIn('learner-progress.ts', 'PLANNED_EVIDENCE_RULES'));
});
