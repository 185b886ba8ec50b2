import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ConnectorNoncesRepository } from './connector-nonces.repository';
import { ConnectorSignatureGuard } from './connector-signature.guard';
import { ConnectorsController } from './connectors.controller';
import { ConnectorsService } from './connectors.service';

/** The departments' own systems (SYSTEM mode): their signed callbacks. */
@Module({ imports: [ApplicationsModule], controllers: [ConnectorsController], providers: [ConnectorsService, ConnectorSignatureGuard, ConnectorNoncesRepository] })
export class ConnectorsModule {}
