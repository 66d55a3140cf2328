import { createHash } from 'node:crypto';

/**
 * R-DEST-4: the code that takes the place of a pseudonymised leaver's UPN. `learner.upn` stays unique and
 * keeps its format (a letter, eleven digits, a digit or letter), so every query and constraint that reads it
 * works as before, but the code is `S`, eleven digits from a SHA-256 of the learner's id, and `Z`: `S` is
 * never a UPN's check letter (the DfE's alphabet leaves out I, O and S), so the code can never be a real
 * UPN, and a later roster naming the learner's real UPN can never match the pseudonymised record. A clash
 * of two codes (one in 10^11) is met by hashing again with the attempt number.
 */
export function pseudonymousUpn(learnerId: string, attempt = 0): string {
  const digest = createHash('sha256')
    .update(attempt ? `${learnerId}:${attempt}` : learnerId)
    .digest();
  // 48 bits: a whole number JavaScript holds exactly, cut to eleven digits.
  const digits = String(digest.readUIntBE(0, 6) % 100_000_000_000).padStart(11, '0');
  return `S${digits}Z`;
}

/** Whether `upn` is such a code. */
export function isPseudonymousUpn(upn: string): boolean {
  return /^S[0-9]{11}Z$/.test(upn);
}
