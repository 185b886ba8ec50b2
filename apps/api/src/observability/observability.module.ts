import { Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';
import { BusinessMetricsRepository } from './business-metrics.repository';

/** Prometheus figures of the API; served on the metrics listener (main.ts), never as an API route. */
@Module({ providers: [ApiMetrics, BusinessMetricsRepository], exports: [ApiMetrics] })
export class ObservabilityModule {}
