import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@onetrip/infrastructure';

export const ROLES = 'onetrip:roles';

/** Only these roles may call the route (403 for others); routes without it are open to any signed-in user. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
