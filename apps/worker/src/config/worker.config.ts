import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';
import { ConnectorSetting, parseDepartmentSystems, SharedConfig, toInteger } from '@onetrip/infrastructure';

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
  @Transform(toInteger)
  @ValidateBy({
    name: 'sdkMetricsPort',
    validator: {
      validate: (value, args) => (value === undefined && (args?.object as WorkerConfig).METRICS_PORT === undefined) || (Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 65535),
      defaultMessage: () => 'must be set to a free port (1-65535) when METRICS_PORT is set: the Temporal SDK\'s metrics are served from it',
    },
  })
  TEMPORAL_METRICS_PORT?: number;

  /** A prebuilt workflow bundle (see scripts/bundle-workflows.ts); without it the worker bundles at start. */
  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  /** SYSTEM mode: each department system's base URL, `TAX=https://tax.example/onetrip,…` (the worker POSTs `<base>/tasks`). */
  @ConnectorSetting(parseDepartmentSystems)
  DEPARTMENT_SYSTEMS: string = '';

  /** How long the worker waits for a department system's answer before the attempt fails (and is retried). */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(50)
  DEPARTMENT_SYSTEM_TIMEOUT_SECONDS: number = 10;
}
