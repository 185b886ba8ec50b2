import type { UserRole } from '@onetrip/infrastructure';

export const USER_ROLES: readonly UserRole[] = ['APPLICANT', 'CLERK', 'WINDOW', 'ADMIN'];

/** Who is calling, from a verified bearer token. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  role: UserRole;
  /** Clerks only: the code of the department whose tasks they work (departments are data: any code a definition declares). */
  department: string | null;
}
