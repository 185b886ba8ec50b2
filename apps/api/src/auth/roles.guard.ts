import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@onetrip/infrastructure';
import { AppError } from '../common/app-error';
import type { AuthenticatedRequest } from '../common/current-user.decorator';
import { ROLES } from '../common/roles.decorator';

/** Global, after JwtAuthGuard: a route marked @Roles(...) refuses other roles with 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new AppError('UNAUTHENTICATED', 'A bearer token is required');
    if (!roles.includes(user.role)) throw new AppError('FORBIDDEN', `This needs the role ${roles.join(' or ')}`);
    return true;
  }
}
