import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { cookieValue, DEVICE_COOKIE, DeviceCookies, normalUsername } from '../auth/device-cookie';
import type { AuthenticatedRequest } from '../common/current-user.decorator';
import { ApiConfig } from '../config/api.config';
import { RateLimitCounter, RateLimitService } from './rate-limit.service';

export type RateLimitScope = 'SIGN_IN' | 'SUBMIT' | 'REGISTER';
const RATE_LIMIT_SCOPE = 'onetrip:rate-limit-scope';

/**
 * Counts the route's requests per IP and per user (sign-in: per username tried, or per known device;
 * register: per IP only); 429 past the limit.
 */
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
  private readonly devices: DeviceCookies;

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
    private readonly config: ApiConfig,
  ) {
    this.devices = new DeviceCookies(config.JWT_SECRET);
  }

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
    if (scope === 'REGISTER') return [{ name: 'REGISTER:ip', value: ip, limit: config.RATE_LIMIT_REGISTER_PER_IP }];
    if (scope === 'SIGN_IN') {
      const username: unknown = (request.body as { username?: unknown } | undefined)?.username;
      if (typeof username !== 'string') return [{ name: 'SIGN_IN:ip', value: ip, limit: config.RATE_LIMIT_SIGN_IN_PER_IP }];
      // A device this username signed in from before has a counter of its own: a guesser elsewhere who
      // spends the username's counter does not lock the owner out, and still gets no more guesses.
      const device = this.devices.verify(cookieValue(request.headers.cookie, DEVICE_COOKIE), username);
      return [
        { name: 'SIGN_IN:ip', value: ip, limit: config.RATE_LIMIT_SIGN_IN_PER_IP },
        device !== null
          ? { name: 'SIGN_IN:device', value: device, limit: config.RATE_LIMIT_SIGN_IN_PER_USERNAME }
          : { name: 'SIGN_IN:username', value: normalUsername(username), limit: config.RATE_LIMIT_SIGN_IN_PER_USERNAME },
      ];
    }
    return [
      { name: 'SUBMIT:ip', value: ip, limit: config.RATE_LIMIT_SUBMIT_PER_IP },
      ...(request.user ? [{ name: 'SUBMIT:user', value: request.user.id, limit: config.RATE_LIMIT_SUBMIT_PER_USER }] : []),
    ];
  }
}
