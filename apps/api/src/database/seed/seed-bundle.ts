import { generateTrust, type GeneratedPresetName, PRESET_NAMES, PRESETS } from '@encounters/demo-data';
import { type SeedDependencies, seedDemoTrust } from './demo-seed';
import { writeGeneratedTrust } from './generated-trust-writer';

/**
 * The entry of the seed bundle, `dist/apps/api/seed.js`: everything that writes tools/demo-data into a
 * database. main.js and cli.js load it only when demo seeding is asked for (database/seed-loader.ts), so the
 * production server never holds the demo data and an installation may leave this file out.
 */
export { PRESET_NAMES, seedDemoTrust, type SeedDependencies };

/**
 * Writes a preset of tools/demo-data: `demo` is the curated trust that `npm start` seeds; the others are
 * generated trusts for benchmarks and large demonstrations, written into an empty database.
 */
export async function writePreset(
  deps: SeedDependencies,
  preset: string,
  seed: number | undefined,
  log: (message: string) => void,
): Promise<void> {
  if (preset === 'demo') {
    await seedDemoTrust(deps, { onlyIfEmpty: false });
    return;
  }
  const trust = generateTrust({
    ...PRESETS[preset as GeneratedPresetName],
    ...(seed === undefined ? {} : { seed }),
  });
  await writeGeneratedTrust(deps.dataSource, deps.progress, trust, log);
}
