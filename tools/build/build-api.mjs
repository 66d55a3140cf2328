// Bundles the API with esbuild. esbuild cannot emit decorator metadata, which Nest's dependency injection
// and TypeORM need, so TypeScript's own transpiler turns each .ts file into JavaScript first.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: false,
};

const typescriptWithMetadata = {
  name: 'typescript-with-decorator-metadata',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: args.path });
      return { contents: outputText, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// `--outdir <folder>` builds elsewhere (the API tests build the command line into tmp/ to run it).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist/apps/api';
// Dependencies stay outside the bundle, but those published only as ES modules are bundled in, turned into
// CommonJS like the rest (Jest does the same in apps/api/test/esm-to-cjs.cjs).
const esmOnlyPackages = createRequire(import.meta.url)('../../apps/api/esm-only-packages.cjs');
// otplib's CommonJS build requires ES-module-only packages, so it is bundled with them.
const bundled = [...esmOnlyPackages, 'otplib'];
const externalDependencies = {
  name: 'external-dependencies-but-esm-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      const [scopeOrName, scoped] = args.path.split('/');
      const name =
        scopeOrName.startsWith('@') && scopeOrName !== '@encounters' && scopeOrName !== '@otplib'
          ? `${scopeOrName}/${scoped}`
          : scopeOrName;
      if (name === '@encounters' || name === '@otplib' || bundled.includes(name)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

// The demo seeding is a bundle of its own, seed.js: main.js and cli.js load it at run time, and only when
// demo seeding is asked for (apps/api/src/database/seed-loader.ts), so the server never holds the demo data.
const SEED_ENTRY = 'apps/api/src/database/seed/seed-bundle.ts';
const seedBundleApart = {
  name: 'seed-bundle-apart',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/seed\/seed-bundle$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: './seed.js', external: true },
    );
  },
};

const started = Date.now();
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: { main: 'apps/api/src/main.ts', cli: 'apps/api/src/cli.ts', seed: SEED_ENTRY },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  alias: {
    '@encounters/domain': './libs/domain/src/index.ts',
    '@encounters/demo-data': './tools/demo-data/src/index.ts',
  },
  plugins: [seedBundleApart, externalDependencies, typescriptWithMetadata],
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
});

// The bundle boundary, checked on every build: no file of tools/demo-data in the server or the command line,
// and none of its code by name (keepNames keeps function names in the output).
const DEMO_DATA_NAMES = ['planDemoEncounters', 'demoRosterCsv', 'generateTrust'];
for (const bundle of ['main', 'cli']) {
  const file = relative(root, resolve(root, outdir, `${bundle}.js`));
  const inputs = Object.keys(metafile.outputs[file]?.inputs ?? {});
  const demoInputs = inputs.filter((input) => input.startsWith('tools/demo-data/'));
  const text = await readFile(resolve(root, outdir, `${bundle}.js`), 'utf8');
  const demoNames = DEMO_DATA_NAMES.filter((name) => text.includes(name));
  if (!inputs.length || demoInputs.length || demoNames.length) {
    process.stderr.write(
      `${file} must not hold tools/demo-data (only seed.js may): ${[...demoInputs, ...demoNames].join(', ') || 'no inputs found'}\n`,
    );
    process.exit(1);
  }
}
process.stdout.write(`API built into ${outdir} in ${Date.now() - started} ms\n`);
