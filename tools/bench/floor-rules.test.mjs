import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listIn, PLANNED_EVIDENCE_RULES, RULE_IDS } from './floor-rules.mjs';

test('the floor server reads every rule the API answers from the rules library', () => {
  // The rule book's fifteen rules: issue 16's work-experience rules, then issue 17's destination rules last.
  assert.equal(RULE_IDS.length, 15);
  assert.deepEqual(RULE_IDS.slice(0, 3), ['O2', 'B5', 'B6_16']);
  assert.deepEqual(RULE_IDS.slice(-4), ['WEX_KS3', 'WEX_KS4', 'DEST_16', 'DEST_18']);
  assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
});

test('the floor server applies R-WEX-8 to the same rules as the API', () => {
  assert.deepEqual(PLANNED_EVIDENCE_RULES, ['WEX_KS3', 'WEX_KS4']);
});

test('a list the library does not hold is an error, not an empty list', () => {
  assert.throws(() => listIn('rule.ts', 'NO_SUCH_LIST'), /NO_SUCH_LIST not found in rule\.ts/);
});
