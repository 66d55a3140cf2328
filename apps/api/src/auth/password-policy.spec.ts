import { DEMO_USERS } from './demo-users';
import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblem } from './password-policy';

describe(passwordProblem.name, () => {
  it('holds the bundled breach list, not only the short list of obvious ones', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(49_000);
    expect(COMMON_PASSWORDS.has('iloveyou')).toBe(true);
  });

  it.each([
    ['a breached password of 12 characters', 'qwertyuiop123'],
    ['a season and year, decorated (issue 19)', 'Summer2025!!'],
    ['a football club and year', 'Liverpool2025!'],
    ['the word password, decorated', 'Password1234!'],
    ['the word password in leetspeak, decorated', 'P@ssw0rd2025!'],
    ['a common word wrapped in digits', '2025sunshine2025'],
    ['a breached phrase', 'iloveyou1234'],
  ])('refuses %s', (_name, password) => {
    expect(passwordProblem(password)).toBe('That password is too common; choose another.');
  });

  it.each([
    ['a passphrase', 'a long test passphrase 42'],
    ['a random password', 'Xk9#mQ2$vL7!pR'],
    ...DEMO_USERS.map((user) => [`the demo password of ${user.email}`, user.password]),
  ])('accepts %s', (_name, password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
