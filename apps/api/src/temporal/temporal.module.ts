import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
// The client part alone: the package's index also loads the worker-side plugin.
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { temporalConnectionOptions, temporalDataConverter } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';
import { CaseWorkflowGateway } from './case-workflow.gateway';

@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [ApiConfig],
      useFactory: async (config: ApiConfig): Promise<Client> => {
        const connection = await Connection.connect(temporalConnectionOptions(config));
        return new Client({
          connection,
          namespace: config.TEMPORAL_NAMESPACE,
          dataConverter: temporalDataConverter(config),
          // Puts the request's context (trace, and the request id in its baggage) in the headers of every
          // start, Update and signal, so the workflow and its activities continue the request's trace.
          interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
        });
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
