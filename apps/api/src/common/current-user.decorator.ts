import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from './app-error';
import type { AuthenticatedUser } from './authenticated-user';

/** The request's user, set by the global bearer-token guard. */
export interface AuthenticatedRequest extends Request {
  user?: AuthenticatedUser;
}

/** The signed-in caller: `{ id, username, role, department }`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'A bearer token is required');
  return user;
});
