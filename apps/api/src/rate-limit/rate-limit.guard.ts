import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../common/current-user.decorator';
import { ApiConfig } from '../config/api.config';
import { RateLimitCounter, RateLimitService } from './rate-limit.service';

export type RateLimitScope = 'SIGN_IN' | 'SUBMIT';
const RATE_LIMIT_SCOPE = 'onetrip:rate-limit-scope';

/** Counts the route's requests per IP and per user (sign-in: per username tried); 429 past the limit. */
export const RateLimited = (scope: RateLimitScope): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_SCOPE, scope),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description: 'Too many requests from this IP address or for this user in the window',
      headers: { 'Retry-After': { description: 'Seconds until the window ends', schema: { type: 'integer', minimum: 1 } } },
    }),
  );

// Runs after the global guards: for SUBMIT the caller is already known. Before the body is validated,
// so malformed requests count too.
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
    private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.get<RateLimitScope | undefined>(RATE_LIMIT_SCOPE, context.getHandler());
    if (!scope) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // request.ip honours X-Forwarded-For only as far as TRUST_PROXY allows.
    const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    await this.limits.hit(this.counters(scope, ip, request), this.config.RATE_LIMIT_WINDOW_SECONDS);
    return true;
  }

  private counters(scope: RateLimitScope, ip: string, request: AuthenticatedRequest): RateLimitCounter[] {
    const config = this.config;
    if (scope === 'SIGN_IN') {
      const username: unknown = (request.body as { username?: unknown } | undefined)?.username;
      return [
        { name: 'SIGN_IN:ip', value: ip, limit: config.RATE_LIMIT_SIGN_IN_PER_IP },
        ...(typeof username === 'string' ? [{ name: 'SIGN_IN:username', value: username.trim().toLowerCase().slice(0, 200), limit: config.RATE_LIMIT_SIGN_IN_PER_USERNAME }] : []),
      ];
    }
    return [
      { name: 'SUBMIT:ip', value: ip, limit: config.RATE_LIMIT_SUBMIT_PER_IP },
      ...(request.user ? [{ name: 'SUBMIT:user', value: request.user.id, limit: config.RATE_LIMIT_SUBMIT_PER_USER }] : []),
    ];
  }
}
