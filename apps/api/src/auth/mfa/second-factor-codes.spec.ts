import { generate, generateSecret } from 'otplib';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { matchingTimeStep } from './totp';

describe(matchingTimeStep.name, () => {
  const secret = generateSecret();
  const now = Math.floor(Date.now() / 1000);
  const step = (offset: number) => Math.floor(now / 30) + offset;

  it('accepts the code of the current time step and of one step either side, not two', async () => {
    for (const offset of [-1, 0, 1]) {
      const code = await generate({ secret, epoch: now + offset * 30 });
      await expect(matchingTimeStep(secret, code, null, now)).resolves.toBe(step(offset));
    }
    const tooOld = await generate({ secret, epoch: now - 90 });
    await expect(matchingTimeStep(secret, tooOld, null, now)).resolves.toBeNull();
  });

  it('refuses a code of a time step already used, or of an earlier one', async () => {
    const code = await generate({ secret, epoch: now });
    await expect(matchingTimeStep(secret, code, step(0), now)).resolves.toBeNull();
    await expect(matchingTimeStep(secret, code, step(-1), now)).resolves.toBe(step(0));
  });

  it('refuses anything but six digits', async () => {
    await expect(matchingTimeStep(secret, 'abcdef', null)).resolves.toBeNull();
    await expect(matchingTimeStep(secret, '1234567', null)).resolves.toBeNull();
  });
});

describe(newRecoveryCodes.name, () => {
  it('makes ten distinct codes that read as recovery codes', () => {
    const sut = newRecoveryCodes();
    expect(sut).toHaveLength(10);
    expect(new Set(sut).size).toBe(10);
    expect(sut.every((code) => /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/.test(code))).toBe(true);
    expect(sut.every(looksLikeRecoveryCode)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });

  it('hashes a code the same whatever its case, spaces or hyphens', () => {
    const [code] = newRecoveryCodes();
    const plain = code.replace(/-/g, '');
    expect(hashRecoveryCode(` ${code.toUpperCase()} `)).toEqual(hashRecoveryCode(plain));
  });
});
