import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PooledDataSource } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'onetrip-api', role: config.API_DATABASE_ROLE || undefined }),
        // Migrations run in createApp, with the owner role, before the app is built.
        migrationsRun: false,
      }),
      // Statements outside transactions go straight to the pool (see PooledDataSource).
      dataSourceFactory: async (options) => new PooledDataSource(options!).initialize(),
    }),
  ],
})
export class DatabaseModule {}
