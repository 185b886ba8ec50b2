import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The walking skeleton's row: written by an activity, proving API → Temporal → worker → PostgreSQL. */
@Entity({ name: 'ping_records' })
export class PingRecordEntity {
  // The workflow id, so a retried activity writes the same row, not a second one.
  @PrimaryColumn({ type: 'text', name: 'workflow_id' })
  workflowId!: string;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
