import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
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
