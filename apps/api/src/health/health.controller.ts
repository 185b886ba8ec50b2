import { Controller, Get, Header, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { AppError } from '../common/app-error';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../common/database-errors';
import { DatabaseHealthIndicator } from './database.health-indicator';
import { Public } from '../common/public.decorator';
import { TemporalHealthIndicator } from './temporal.health-indicator';
import { HealthDependencyDto, HealthLiveResponseDto, HealthReadyResponseDto } from './dto/health-response.dto';
import { ShutdownDrain } from './shutdown-drain.service';

function dependency(result: HealthIndicatorResult, key: string): HealthDependencyDto {
  const entry = result[key] as { status: 'up' | 'down'; message?: unknown };
  return entry.status === 'up' ? { status: 'up' } : { status: 'down', message: String(entry.message ?? 'down') };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
    private readonly drain: ShutdownDrain,
  ) {}

  // Liveness: restart the process only when it no longer serves HTTP at all. A database or Temporal
  // outage must not restart every replica at once, so nothing is checked here (readiness does that).
  @Get('live')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP; checks no dependency (stays 200 while draining)' })
  @ApiOkResponse({ type: HealthLiveResponseDto })
  live(): HealthLiveResponseDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Temporal answer and the process is not draining after SIGTERM (503 otherwise)' })
  @ApiOkResponse({ type: HealthReadyResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthReadyResponseDto, description: 'Not ready: a dependency is down, or the process is draining' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReadyResponseDto> {
    const [database, temporal] = await Promise.all([this.database.isHealthy('database'), this.temporal.isHealthy('temporal')]);
    const draining = this.drain.state !== 'serving';
    const body: HealthReadyResponseDto = { status: 'ok', draining, database: dependency(database, 'database'), temporal: dependency(temporal, 'temporal') };
    if (draining || body.database.status === 'down' || body.temporal.status === 'down') {
      body.status = 'error';
      response.status(503);
    }
    return body;
  }

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether PostgreSQL and Temporal answer (503 with the failing checks when not)' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.isHealthy('database'), () => this.temporal.isHealthy('temporal')]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Name what is down in the same coded shape as every other error (503 + Retry-After).
      const result = error.getResponse() as HealthCheckResult;
      const details = result.details as Record<string, unknown>;
      if (result.error?.database) throw new AppError('DATABASE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, undefined, details);
      throw new AppError('WORKFLOW_UNAVAILABLE', 'The workflow service is unavailable; please try again shortly', undefined, details);
    }
  }
}
