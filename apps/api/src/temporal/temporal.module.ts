import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalDataConverter } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';
import { CaseWorkflowGateway } from './case-workflow.gateway';

@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [ApiConfig],
      useFactory: async (config: ApiConfig): Promise<Client> => {
        const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
        return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(config) });
      },
    },
    CaseWorkflowGateway,
  ],
  exports: [Client, CaseWorkflowGateway],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
