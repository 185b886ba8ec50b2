import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppExceptionFilter } from './common/app-exception.filter';
import { ApiConfig } from './config/api.config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { PingsModule } from './pings/pings.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, TemporalModule, HealthModule, PingsModule],
      providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
    };
  }
}
