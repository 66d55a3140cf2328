import { coverageKey, parseCoverageKey } from './coverage-key';

describe(coverageKey.name, () => {
  it('writes the kind and its parts joined by colons, a missing part as none', () => {
    expect(coverageKey('trust')).toBe('trust');
    expect(coverageKey('academy', 'a-1')).toBe('academy:a-1');
    expect(coverageKey('yearGroup', 'a-1', 9)).toBe('yearGroup:a-1:9');
    expect(coverageKey('group', null)).toBe('group:none');
  });
});

describe(parseCoverageKey.name, () => {
  it('reads back what coverageKey writes', () => {
    expect(parseCoverageKey(coverageKey('yearGroup', 'a-1', 9))).toEqual({
      kind: 'yearGroup',
      parts: ['a-1', '9'],
    });
    expect(parseCoverageKey(coverageKey('trust'))).toEqual({ kind: 'trust', parts: [] });
  });

  it('reads a missing part as null', () => {
    expect(parseCoverageKey('group:none')).toEqual({ kind: 'group', parts: [null] });
    expect(parseCoverageKey('yearGroup:null')).toEqual({ kind: 'yearGroup', parts: [null] });
  });
});
