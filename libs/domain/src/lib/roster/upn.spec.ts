import { isValidUpn, UPN_ALPHABET, upnCheckLetter, validateUpn } from './upn';

describe(upnCheckLetter.name, () => {
  it.each([
    ['801200005001', 'B'],
    ['801200005002', 'Q'],
    ['938400112345', 'K'],
    ['000000000000', 'A'],
    ['999999999999', 'F'],
  ])('weights characters 2..13 by their position: %s gives %s', (body, letter) => {
    expect(upnCheckLetter(body)).toBe(letter);
  });

  it.each([
    ['00000000000A', 'A'],
    ['86041100101A', 'X'],
    ['12345678901Z', 'H'],
  ])(
    'counts a temporary final letter as its index in the 23-letter alphabet: %s gives %s',
    (body, letter) => {
      expect(upnCheckLetter(body)).toBe(letter);
    },
  );

  it('values each final letter by its place in the alphabet, not in A..Z', () => {
    // With only the final letter varying, its value times 13 mod 23 must step through the alphabet.
    const letters = [...UPN_ALPHABET].map((last) => upnCheckLetter(`00000000000${last}`));
    expect(letters).toEqual([...UPN_ALPHABET].map((_, index) => UPN_ALPHABET[(index * 13) % 23]));
  });

  it.each(['80120000500', '8012000050011', '80120000500I', '8O1200005001'])(
    'gives null for %s, which cannot follow a check letter',
    (body) => {
      expect(upnCheckLetter(body)).toBeNull();
    },
  );
});

describe(validateUpn.name, () => {
  it('accepts the DfE example B801200005001 as a permanent UPN', () => {
    expect(validateUpn('B801200005001')).toEqual({ valid: true, upn: 'B801200005001', temporary: false });
  });

  it('accepts a temporary UPN whose last character is a letter', () => {
    expect(validateUpn('X86041100101A')).toEqual({ valid: true, upn: 'X86041100101A', temporary: true });
  });

  it('trims white space and upper-cases letters', () => {
    expect(validateUpn('  x86041100101a ')).toEqual({ valid: true, upn: 'X86041100101A', temporary: true });
  });

  it('rejects A801200005001 and names the expected check letter', () => {
    expect(validateUpn('A801200005001')).toEqual({
      valid: false,
      reason:
        'UPN check letter is wrong: "A801200005001" starts with A but the check letter for the digits that follow is B',
    });
  });

  it('rejects a blank UPN', () => {
    expect(validateUpn('   ')).toEqual({ valid: false, reason: 'UPN is blank' });
  });

  it.each([
    ['B80120000500', 12],
    ['B8012000050011', 14],
    ['B', 1],
  ])('rejects %s as the wrong length', (upn, length) => {
    expect(validateUpn(upn)).toEqual({
      valid: false,
      reason: `UPN must be 13 characters long but "${upn}" has ${length}`,
    });
  });

  it.each([
    ['1801200005001', 'UPN character 1 must be a check letter (A-Z except I, O and S) but is "1"'],
    ['I801200005001', 'UPN character 1 must be a check letter (A-Z except I, O and S) but is "I"'],
    ['O801200005001', 'UPN character 1 must be a check letter (A-Z except I, O and S) but is "O"'],
    ['S801200005001', 'UPN character 1 must be a check letter (A-Z except I, O and S) but is "S"'],
    ['B8012000X5001', 'UPN character 9 must be a digit but is "X"'],
    ['BA01200005001', 'UPN character 2 must be a digit but is "A"'],
    ['B8012000050-1', 'UPN character 12 must be a digit but is "-"'],
    [
      'B80120000500I',
      'UPN character 13 must be a digit, or for a temporary UPN a letter A-Z except I, O and S, but is "I"',
    ],
    [
      'B80120000500O',
      'UPN character 13 must be a digit, or for a temporary UPN a letter A-Z except I, O and S, but is "O"',
    ],
    [
      'B80120000500S',
      'UPN character 13 must be a digit, or for a temporary UPN a letter A-Z except I, O and S, but is "S"',
    ],
    [
      'B80120000500*',
      'UPN character 13 must be a digit, or for a temporary UPN a letter A-Z except I, O and S, but is "*"',
    ],
  ])('rejects %s, naming the bad character', (upn, reason) => {
    expect(validateUpn(upn)).toEqual({ valid: false, reason });
  });

  it('reports a wrong check letter for a temporary UPN', () => {
    expect(validateUpn('A86041100101A')).toEqual({
      valid: false,
      reason:
        'UPN check letter is wrong: "A86041100101A" starts with A but the check letter for the digits that follow is X',
    });
  });
});

describe(isValidUpn.name, () => {
  it.each([
    ['B801200005001', true],
    ['A801200005001', false],
    ['', false],
  ])('%s is valid: %s', (upn, valid) => {
    expect(isValidUpn(upn)).toBe(valid);
  });
});
