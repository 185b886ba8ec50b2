import { DataSource } from 'typeorm';
import { PingRecordEntity } from '@onetrip/infrastructure';
import type { PingStore } from '@onetrip/workflows';

export class TypeormPingStore implements PingStore {
  constructor(private readonly dataSource: DataSource) {}

  async recordOnce(workflowId: string, message: string): Promise<{ recordedAt: Date }> {
    const repository = this.dataSource.getRepository(PingRecordEntity);
    // ON CONFLICT DO NOTHING: an activity retried after a lost reply finds its own row.
    await repository.createQueryBuilder().insert().values({ workflowId, message }).orIgnore().execute();
    const row = await repository.findOneByOrFail({ workflowId });
    return { recordedAt: row.recordedAt };
  }
}
