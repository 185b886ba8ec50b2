import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('ships a list of a few thousand common passwords, lower case, 8 characters and more', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1000);
    expect(COMMON_PASSWORDS.size).toBeLessThan(10_000);
    expect([...COMMON_PASSWORDS].filter((word) => word.length < 8 || word !== word.toLowerCase())).toEqual([]);
  });

  it.each(['12345678', 'password', 'Password1', 'PASSWORD123', 'qwertyuiop', 'iloveyou1', 'woaini1314', '11111111', '１２３４５６７８', '!password!'])(
    'refuses the common password %j',
    (password) => {
      expect(passwordProblem(password, 'zhang-san')).toBe('PASSWORD_TOO_COMMON');
    },
  );

  it.each(['zhang-san', 'Zhang-San-2024', 'my-zhang-san!', 'nas-gnahz'])('refuses %j for the user zhang-san', (password) => {
    expect(passwordProblem(password, 'zhang-san')).toBe('PASSWORD_CONTAINS_USERNAME');
  });

  it.each(['correct-horse-battery', 'applicant-pass-1', 'a-long-password', '吉首 窗口 2026 夏'])('accepts %j', (password) => {
    expect(passwordProblem(password, 'zhang-san')).toBeNull();
  });
});
