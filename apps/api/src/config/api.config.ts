import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { SharedConfig, toBoolean, toInteger } from '@onetrip/infrastructure';

/** The API's settings; nothing else in the API reads process.env. Injected by its class. */
export class ApiConfig extends SharedConfig {
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT: number = 3000;

  @IsString()
  API_HOST: string = '127.0.0.1';

  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  JWT_SECRET: string = 'onetrip-development-secret-change-me';

  @Transform(toBoolean)
  @IsBoolean()
  DEMO_MODE: boolean = false;

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD: string = 'onetrip-demo';

  @Transform(toInteger)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;
}
