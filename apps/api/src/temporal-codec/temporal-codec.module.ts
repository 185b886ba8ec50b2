import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TemporalCodecController } from './temporal-codec.controller';
import { TemporalCodecService } from './temporal-codec.service';

@Module({ imports: [AuditModule], controllers: [TemporalCodecController], providers: [TemporalCodecService] })
export class TemporalCodecModule {}
