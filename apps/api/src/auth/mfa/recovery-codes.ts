import { createHash, randomBytes } from 'node:crypto';

// 32 letters and digits without 0, 1, i and o, so that each random byte maps without bias.
const ALPHABET = 'abcdefghjklmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes such as `k7wq-m2xd-p9ha` (60 bits each), shown once at enrolment. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Whether the text looks like a recovery code rather than a six-digit TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return normalise(code).length === 12;
}

/** SHA-256 of the code without spaces, hyphens or case: random codes need no slow hash. */
export function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256').update(normalise(code)).digest();
}

function normalise(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}
