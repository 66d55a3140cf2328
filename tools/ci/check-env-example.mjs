// Fails when .env.example misses a variable that the API's config or the start script reads, so that the
// file keeps listing every setting (style.md, habit 5).
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(path, 'utf8');

const configClass = read('apps/api/src/config/config.ts').match(/export class AppConfig \{([\s\S]*?)\n\}/);
if (!configClass) {
  process.stderr.write('apps/api/src/config/config.ts: class AppConfig not found.\n');
  process.exit(1);
}
const apiVariables = [...configClass[1].matchAll(/^ {2}([A-Z][A-Z0-9_]*)[!?]?\s*[:=]/gm)].map(
  (match) => match[1],
);
const startVariables = [...read('tools/start/start.mjs').matchAll(/env\.([A-Z][A-Z0-9_]*)/g)]
  .map((match) => match[1])
  .filter((name) => !name.startsWith('NX_'));

const listed = new Set(
  [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]),
);
const required = [...new Set([...apiVariables, ...startVariables])];
const missing = required.filter((name) => !listed.has(name));

if (missing.length) {
  process.stderr.write(`.env.example does not list: ${missing.join(', ')}. Add each with a comment.\n`);
  process.exit(1);
}
process.stdout.write(
  `.env.example lists all ${required.length} variables the API and the start script read.\n`,
);
