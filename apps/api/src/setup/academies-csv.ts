import { parse } from 'csv-parse/sync';
import { ACADEMY_PHASES, type AcademyPhase } from '@encounters/domain';
import type { ErrorDetail } from '../common/api-error';

export interface SetupAcademy {
  urn: string;
  name: string;
  phase: AcademyPhase;
}

/** The phases of Get Information About Schools ("PhaseOfEducation (name)") in Encounters' terms. */
const GIAS_PHASES: Record<string, AcademyPhase> = {
  primary: 'primary',
  'middle deemed primary': 'middle',
  'middle deemed secondary': 'middle',
  secondary: 'secondary',
  '16 plus': 'sixth_form',
  'all-through': 'all_through',
  'all through': 'all_through',
  'sixth form': 'sixth_form',
  first: 'first',
  middle: 'middle',
  special: 'special',
};

const COLUMNS = {
  urn: ['urn'],
  name: ['name', 'establishmentname'],
  phase: ['phase', 'phaseofeducation (name)', 'phaseofeducation'],
};

function phaseOf(value: string, type: string): AcademyPhase | null {
  const text = value.trim().toLowerCase();
  if ((ACADEMY_PHASES as readonly string[]).includes(text)) return text as AcademyPhase;
  if (GIAS_PHASES[text]) return GIAS_PHASES[text];
  // GIAS gives special schools the phase "Not applicable" and a type naming them special.
  if (/special/i.test(type)) return 'special';
  return null;
}

/**
 * Reads academies from a CSV of `URN,name,phase`, or from the Get Information About Schools download
 * (`URN`, `EstablishmentName`, `PhaseOfEducation (name)`). Every bad row is named; nothing is returned
 * when any row is bad.
 */
export function parseAcademiesCsv(text: string): { academies: SetupAcademy[]; errors: ErrorDetail[] } {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return {
      academies: [],
      errors: [{ line: 1, reason: `The file is not a readable CSV: ${(error as Error).message}` }],
    };
  }
  if (!rows.length) return { academies: [], errors: [{ line: 1, reason: 'The file is empty.' }] };
  const header = rows[0].map((cell) => cell.toLowerCase());
  const index = (names: string[]) => header.findIndex((cell) => names.includes(cell));
  const columns = { urn: index(COLUMNS.urn), name: index(COLUMNS.name), phase: index(COLUMNS.phase) };
  const typeColumn = header.indexOf('typeofestablishment (name)');
  const missing = Object.entries(columns)
    .filter(([, at]) => at < 0)
    .map(([name]) => name);
  if (missing.length)
    return {
      academies: [],
      errors: [
        {
          line: 1,
          reason: `The header needs the columns URN, name and phase; missing: ${missing.join(', ')}.`,
        },
      ],
    };
  const academies: SetupAcademy[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, at) => {
    const line = at + 2;
    const urn = row[columns.urn] ?? '';
    const name = row[columns.name] ?? '';
    const phaseText = row[columns.phase] ?? '';
    const phase = phaseOf(phaseText, typeColumn >= 0 ? (row[typeColumn] ?? '') : '');
    if (!/^\d{6}$/.test(urn))
      errors.push({ line, column: 'URN', value: urn, reason: 'A URN is six digits.' });
    else if (seen.has(urn))
      errors.push({ line, column: 'URN', value: urn, reason: 'This URN is listed twice.' });
    if (!name || name.length > 200)
      errors.push({ line, column: 'name', value: name, reason: 'A name is 1 to 200 characters.' });
    if (!phase)
      errors.push({
        line,
        column: 'phase',
        value: phaseText,
        reason: `Unknown phase: use one of ${ACADEMY_PHASES.join(', ')}.`,
      });
    seen.add(urn);
    if (phase && /^\d{6}$/.test(urn) && name) academies.push({ urn, name, phase });
  });
  return errors.length ? { academies: [], errors } : { academies, errors };
}
