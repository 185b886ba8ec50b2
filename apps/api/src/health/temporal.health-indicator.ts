import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Client } from '@temporalio/client';

// A call to a server that is down waits for it to come back; health must answer now.
const HEALTH_DEADLINE_MS = 3_000;

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly client: Client,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async isHealthy(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await this.client.connection.withDeadline(Date.now() + HEALTH_DEADLINE_MS, () => this.client.connection.workflowService.getSystemInfo({}));
      return indicator.up({ namespace: this.client.options.namespace });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
