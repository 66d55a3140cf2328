/**
 * Unique Pupil Numbers, as specified by the DfE ("Unique pupil numbers (UPNs): guidance for schools").
 *
 * Character 1 is a check letter; characters 2..12 are digits; character 13 is a digit, or a letter for a
 * temporary UPN (one issued before the pupil's permanent UPN is known).
 */

/** The 23 letters the DfE uses for check letters and temporary UPNs: A..Z without I, O and S. */
export const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export const UPN_LENGTH = 13;

export type UpnValidation =
  | { readonly valid: true; readonly upn: string; readonly temporary: boolean }
  | { readonly valid: false; readonly reason: string };

const DIGIT = /^[0-9]$/;

/**
 * The check letter for the 12 characters that follow it. Each character at position p (2..13) is
 * weighted by p; a digit counts as its value, a temporary UPN's final letter as its index in
 * {@link UPN_ALPHABET}. Returns null when `body` could not be part of a UPN.
 */
export function upnCheckLetter(body: string): string | null {
  if (body.length !== UPN_LENGTH - 1) return null;
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    const value = characterValue(body[index], index === body.length - 1);
    if (value === null) return null;
    const position = index + 2;
    sum += value * position;
  }
  return UPN_ALPHABET[sum % UPN_ALPHABET.length];
}

/**
 * Checks a UPN's length, characters and check letter. Surrounding white space is ignored and letters may
 * be in either case, because MIS exports and hand-typed lists vary; the normalised UPN (upper case) is
 * returned so that the same learner always matches.
 */
export function validateUpn(input: string): UpnValidation {
  const upn = input.trim().toUpperCase();
  if (upn === '') return { valid: false, reason: 'UPN is blank' };
  if (upn.length !== UPN_LENGTH) {
    return {
      valid: false,
      reason: `UPN must be ${UPN_LENGTH} characters long but "${upn}" has ${upn.length}`,
    };
  }

  const badCharacter = describeFirstBadCharacter(upn);
  if (badCharacter) return { valid: false, reason: badCharacter };

  // The characters were checked above, so a check letter is always produced here.
  const expected = upnCheckLetter(upn.slice(1)) as string;
  if (upn[0] !== expected) {
    return {
      valid: false,
      reason: `UPN check letter is wrong: "${upn}" starts with ${upn[0]} but the check letter for the digits that follow is ${expected}`,
    };
  }
  return { valid: true, upn, temporary: !DIGIT.test(upn[UPN_LENGTH - 1]) };
}

export function isValidUpn(input: string): boolean {
  return validateUpn(input).valid;
}

function characterValue(character: string, isLast: boolean): number | null {
  if (DIGIT.test(character)) return Number(character);
  if (!isLast) return null;
  const index = UPN_ALPHABET.indexOf(character);
  return index === -1 ? null : index;
}

function describeFirstBadCharacter(upn: string): string | null {
  if (!UPN_ALPHABET.includes(upn[0])) {
    return `UPN character 1 must be a check letter (A-Z except I, O and S) but is "${upn[0]}"`;
  }
  for (let index = 1; index < UPN_LENGTH - 1; index++) {
    if (!DIGIT.test(upn[index])) {
      return `UPN character ${index + 1} must be a digit but is "${upn[index]}"`;
    }
  }
  const last = upn[UPN_LENGTH - 1];
  if (!DIGIT.test(last) && !UPN_ALPHABET.includes(last)) {
    return `UPN character 13 must be a digit, or for a temporary UPN a letter A-Z except I, O and S, but is "${last}"`;
  }
  return null;
}
