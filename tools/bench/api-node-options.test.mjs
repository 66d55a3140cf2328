// The API's Node.js options (tools/start/node-options.mjs), which `npm start`, the bench and the Docker image
// share: the heap bound is added unless NODE_OPTIONS sets one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_MAX_OLD_SPACE_MB, apiNodeOptions } from '../start/node-options.mjs';

test('adds the heap bound to what NODE_OPTIONS holds, and leaves a bound of its own alone', () => {
  assert.equal(apiNodeOptions(), `--max-old-space-size=${API_MAX_OLD_SPACE_MB}`);
  assert.equal(
    apiNodeOptions('--enable-source-maps'),
    `--enable-source-maps --max-old-space-size=${API_MAX_OLD_SPACE_MB}`,
  );
  assert.equal(apiNodeOptions('--max-old-space-size=4096'), '--max-old-space-size=4096');
});

test('the Docker image gives the API the same bound', () => {
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
  assert.match(dockerfile, new RegExp(`NODE_OPTIONS=--max-old-space-size=${API_MAX_OLD_SPACE_MB}\\b`));
});
