import { generateSecret, generateURI, verify } from 'otplib';

/** The issuer authenticator apps show beside the account. */
const ISSUER = 'Encounters';

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUrl(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/**
 * The time step a six-digit code matches, within one step either side of now (RFC 6238's allowance for clock
 * drift), and later than `afterStep`: a code already used, or an older one, never matches again.
 */
export async function matchingTimeStep(
  secret: string,
  code: string,
  afterStep: number | null,
  /** Now, in Unix seconds; tests fix it. */
  epoch = Math.floor(Date.now() / 1000),
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
