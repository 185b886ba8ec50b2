import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AdminModule } from './admin/admin.module';
import { ApplicantsModule } from './applicants/applicants.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppExceptionFilter } from './common/app-exception.filter';
import { ComplaintsModule } from './complaints/complaints.module';
import { ApiConfig } from './config/api.config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsModule } from './documents/documents.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { HealthModule } from './health/health.module';
import { TemporalCodecModule } from './temporal-codec/temporal-codec.module';
import { MetricsModule } from './metrics/metrics.module';
import { NoticesModule } from './notices/notices.module';
import { ObservabilityModule } from './observability/observability.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PingsModule } from './pings/pings.module';
import { ProcessesModule } from './processes/processes.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { WebModule } from './web/web.module';
import { ConnectorsModule } from './connectors/connectors.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TemporalModule,
        AuditModule,
        RateLimitModule,
        AuthModule,
        HealthModule,
        PingsModule,
        ProcessesModule,
        ApplicationsModule,
        TasksModule,
        ConnectorsModule,
        ComplaintsModule,
        NoticesModule,
        NotificationsModule,
        EnterprisesModule,
        ApplicantsModule,
        AdminModule,
        DocumentsModule,
        MetricsModule,
        ObservabilityModule,
        TemporalCodecModule,
        WebModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
    };
  }
}
