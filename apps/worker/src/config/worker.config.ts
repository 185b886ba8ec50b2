import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { SharedConfig, toInteger } from '@onetrip/infrastructure';

/** The worker's settings; nothing else in the worker reads process.env. */
export class WorkerConfig extends SharedConfig {
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  WORKER_MAX_CONCURRENT_ACTIVITIES: number = 100;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: number = 40;

  @Transform(toInteger)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /**
   * Loopback port where the Temporal SDK's own Prometheus exporter (Runtime telemetry) listens; the worker's
   * /metrics on METRICS_PORT serves its figures with the worker's. Required when METRICS_PORT is set.
   */
  @ValidateIf((config: WorkerConfig) => config.METRICS_PORT !== undefined || config.TEMPORAL_METRICS_PORT !== undefined)
  @Transform(toInteger)
  @IsInt({ message: 'must be set (a free port) when METRICS_PORT is set: the Temporal SDK\'s metrics are served from it' })
  @Min(1)
  @Max(65535)
  TEMPORAL_METRICS_PORT?: number;

  /** A prebuilt workflow bundle (see scripts/bundle-workflows.ts); without it the worker bundles at start. */
  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;
}
