import type { AuthenticatedUser } from '../common/authenticated-user';

export interface CaseParties {
  applicantId: string;
  filedById: string;
}

/** The applicant whose case it is, or the window clerk who filed it for them (帮代办). */
export function ownsCase(user: AuthenticatedUser, parties: CaseParties): boolean {
  if (user.role === 'APPLICANT') return parties.applicantId === user.id;
  if (user.role === 'WINDOW') return parties.filedById === user.id;
  return false;
}

/** Owners and admins see a case; to anyone else it does not exist (404, so ids cannot be probed). */
export function canSeeCase(user: AuthenticatedUser, parties: CaseParties): boolean {
  return user.role === 'ADMIN' || ownsCase(user, parties);
}
