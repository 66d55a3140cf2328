import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe(SecretBox.name, () => {
  const key = randomBytes(32).toString('base64');
  const sut = new SecretBox(key);

  it('opens what it sealed, and seals the same secret differently each time', () => {
    const first = sut.seal('client secret', 'auth_provider:1');
    const second = sut.seal('client secret', 'auth_provider:1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('client secret');
    expect(sut.open(first, 'auth_provider:1')).toBe('client secret');
  });

  it('refuses a value moved to another row, changed, or opened with another key', () => {
    const sealed = sut.seal('client secret', 'auth_provider:1');
    expect(() => sut.open(sealed, 'auth_provider:2')).toThrow();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      sut.open([version, iv, tag, flipped.toString('base64url')].join('.'), 'auth_provider:1'),
    ).toThrow();
    expect(() => new SecretBox(randomBytes(32).toString('hex')).open(sealed, 'auth_provider:1')).toThrow();
  });

  it('takes a hex key as well as base64, and refuses a key of the wrong length', () => {
    const hex = randomBytes(32).toString('hex');
    expect(new SecretBox(hex).open(new SecretBox(hex).seal('x', 'c'), 'c')).toBe('x');
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow('32 bytes');
  });
});
