#!/usr/bin/env node
// Refuses dependency cycles between the feature folders of the API (apps/api/src/<folder>) and of the web
// app (apps/web/src/app/<folder>): a folder may use another, or be used by it, never both, even through a
// third. Files directly in the root (main.ts, app.module.ts, app.routes.ts) assemble the folders and are left
// out. Every import counts, type-only ones too: they tie the folders' designs together all the same.
// `database/seed/` counts as a folder of its own: it lives beside the migrations, but like the root files it
// uses the features (users, roster import, encounters) while the rest of `database/` is used by them.
// Usage: node tools/ci/check-folder-cycles.mjs   (exit 1 and the cycles when there are any)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const AREAS = ['apps/api/src', 'apps/web/src/app'];
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Tarjan's strongly connected components: each with more than one folder is a cycle. */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const found = [];
  const visit = (node) => {
    state.set(node, { index, low: index, onStack: true });
    index += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!state.has(next)) {
        visit(next);
        state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
      } else if (state.get(next).onStack) {
        state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
      }
    }
    if (state.get(node).low === state.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

let failed = false;
for (const area of AREAS) {
  const areaRoot = join(root, area);
  const folderOf = (file) => {
    const parts = relative(areaRoot, file).split(sep);
    if (parts.length > 2 && parts[0] === 'database' && parts[1] === 'seed') return 'database/seed';
    return parts.length > 1 ? parts[0] : null;
  };
  const graph = new Map();
  const evidence = new Map();
  for (const file of sourceFiles(areaRoot)) {
    const from = folderOf(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2]);
      const to = target && target.startsWith(areaRoot) ? folderOf(target) : null;
      if (!to || to === from) continue;
      graph.get(from).add(to);
      const key = `${from} -> ${to}`;
      if (!evidence.has(key)) evidence.set(key, `${relative(root, file)} imports ${match[1] ?? match[2]}`);
    }
  }
  for (const cycle of cycles(graph)) {
    failed = true;
    console.error(`${area}: folders in a cycle: ${cycle.join(', ')}`);
    for (const from of cycle) {
      for (const to of graph.get(from)) {
        if (cycle.includes(to)) console.error(`  ${evidence.get(`${from} -> ${to}`)}`);
      }
    }
  }
}
if (failed) process.exit(1);
console.log(`No folder cycles in ${AREAS.join(' or ')}.`);
