import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { AppError } from '../common/app-error';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../common/database-errors';
import { DatabaseHealthIndicator } from './database.health-indicator';
import { Public } from '../common/public.decorator';
import { TemporalHealthIndicator } from './temporal.health-indicator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

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
