import type { Session } from './session';

/** Where each person starts. */
export function homeFor(session: Session | null): string {
  switch (session?.user.role) {
    case 'APPLICANT':
      return '/cases';
    case 'CLERK':
      return '/inbox';
    case 'WINDOW':
      return '/window';
    case 'ADMIN':
      return '/admin';
    default:
      return '/sign-in';
  }
}
