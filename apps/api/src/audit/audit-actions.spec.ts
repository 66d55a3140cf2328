import { AUDIT_ACTIONS, auditActionLabel, auditActionVerb } from '@encounters/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript source of the API, but not its tests. */
function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the audit actions the API records', () => {
  const recorded = new Set<string>();
  for (const file of sources(join(__dirname, '..'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) recorded.add(match[1]);
    for (const match of text.matchAll(/'(attendance\.[a-z_]+|encounter\.(?:create|update|delete))'/g))
      recorded.add(match[1]);
  }
  // Actions put together from parts: each part as the code writes it.
  for (const kind of ['create', 'update', 'delete']) recorded.add(`guidance_meeting.${kind}`);
  for (const status of ['confirm', 'decline']) recorded.add(`roster.move.${status}`);

  it('finds the actions in the source (the scan works)', () => {
    expect(recorded).toContain('encounter.create');
    expect(recorded).toContain('guidance_meeting.read_notes');
    expect(recorded.size).toBeGreaterThan(30);
  });

  it('names every one of them in the one table the audit log reads its words from', () => {
    expect([...recorded].filter((action) => !AUDIT_ACTIONS[action]).sort()).toEqual([]);
  });

  it('reads an action it does not know as words rather than a code', () => {
    expect(auditActionLabel('widget.spin_round')).toBe('Widget spin round');
    expect(auditActionVerb('widget.spin_round')).toBe('widget spin round');
    expect(auditActionLabel('guidance_meeting.read_notes')).toBe('Guidance notes viewed');
  });
});
