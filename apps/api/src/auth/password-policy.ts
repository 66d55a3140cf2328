import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;

/** Returns why a password is refused, or null when it is acceptable (NCSC / NIST 800-63B style: length and a deny list). */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > 256) return 'The password must be at most 256 characters long.';
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) return 'That password is too common; choose another.';
  if (new Set(folded).size <= 2) return 'That password is too easy to guess; choose another.';
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && folded.includes(localPart)) {
    return 'The password must not contain your email address.';
  }
  // 'Password1234!' is 'password' with decoration; 'Summer2025!!' is 'summer'; 'P@ssw0rd2025!' is
  // 'password' spelt with symbols, then decorated.
  const lettersOnly = folded.replace(/[^a-z]/g, '');
  const core = undoLeetspeak(folded.replace(/^[^a-z]+|[^a-z]+$/g, ''));
  for (const base of [lettersOnly, core]) {
    if (base.length >= 6 && COMMON_PASSWORDS.has(base)) return 'That password is too common; choose another.';
  }
  return null;
}

const LEET: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/** 'p@ssw0rd' → 'password': the substitutions every guessing tool tries first. */
function undoLeetspeak(text: string): string {
  return text.replace(/[@43!1$057]/g, (character) => LEET[character] ?? character);
}
