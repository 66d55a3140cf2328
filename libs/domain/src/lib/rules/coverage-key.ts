/**
 * The grammar of a coverage row's `key`, written once: a kind, then its parts, joined by colons.
 * `trust`; `academy:<id>`; `yearGroup:<academyId>:<n>` for a scope, `yearGroup:<n>` for a child row;
 * `group:<id>`; `learner:<id>`; breakdown rows `<breakdown>:<value>` (`pupilPremium:yes`, `sen:K`), and the
 * rest of a breakdown row `<key>:rest`. A missing value (a learner in no group) is written `none`.
 */
export function coverageKey(kind: string, ...parts: readonly (string | number | null | undefined)[]): string {
  return [kind, ...parts.map((part) => (part === null || part === undefined ? 'none' : String(part)))].join(
    ':',
  );
}

/** The kind and the parts of a coverage row key; `none` (and `null`, as older keys said) read as null. */
export function parseCoverageKey(key: string): { kind: string; parts: (string | null)[] } {
  const [kind, ...parts] = key.split(':');
  return {
    kind,
    parts: parts.map((part) => (part === 'none' || part === 'null' || part === '' ? null : part)),
  };
}
