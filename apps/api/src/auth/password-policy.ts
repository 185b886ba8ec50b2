import { COMMON_PASSWORDS } from './common-passwords';

export type PasswordProblem = 'PASSWORD_TOO_COMMON' | 'PASSWORD_CONTAINS_USERNAME';

/**
 * Why a new password is too easy to guess, or null. Compared case-insensitively after NFKC (as the hash
 * is), so `Password1` and full-width digits do not slip past the list.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const folded = password.normalize('NFKC').toLowerCase();
  const name = username.normalize('NFKC').toLowerCase();
  if (name.length > 0 && (folded.includes(name) || folded.includes([...name].reverse().join('')))) return 'PASSWORD_CONTAINS_USERNAME';
  // The list holds words with a digit suffix; a few symbols before or after do not make one safe.
  const core = folded.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(core)) return 'PASSWORD_TOO_COMMON';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  PASSWORD_TOO_COMMON: 'password is one of the most common passwords: choose a less guessable one',
  PASSWORD_CONTAINS_USERNAME: 'password must not contain the username',
};
