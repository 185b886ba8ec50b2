import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'onetrip-api' }),
        // Migrations run in main.ts under an advisory lock, before the API listens.
        migrationsRun: false,
      }),
    }),
  ],
})
export class DatabaseModule {}
