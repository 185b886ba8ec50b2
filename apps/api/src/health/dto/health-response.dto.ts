import { ApiProperty } from '@nestjs/swagger';

/** GET /api/health/live: the process is up and serving HTTP (no dependency is checked). */
export class HealthLiveResponseDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** One dependency's answer in the readiness check. */
export class HealthDependencyDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ required: false, description: 'Why it is down' })
  message?: string;
}

/** GET /api/health/ready: 200 when this process should get traffic, 503 (same body) when not. */
export class HealthReadyResponseDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ description: 'true from SIGTERM on: the process finishes what it has and stops' })
  draining!: boolean;

  @ApiProperty({ type: HealthDependencyDto })
  database!: HealthDependencyDto;

  @ApiProperty({ type: HealthDependencyDto })
  temporal!: HealthDependencyDto;
}
