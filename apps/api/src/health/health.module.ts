import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { DatabaseHealthIndicator } from './database.health-indicator';
import { TemporalHealthIndicator } from './temporal.health-indicator';
import { ShutdownDrain } from './shutdown-drain.service';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, TemporalHealthIndicator, ShutdownDrain],
})
export class HealthModule {}
