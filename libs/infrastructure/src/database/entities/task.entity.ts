import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department's step on a case, one row per round; the clerks' inbox reads these. */
@Entity({ name: 'tasks' })
export class TaskEntity {
  // `<caseId>.<department>.<round>`: a retried activity finds its own row.
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'text' })
  mode!: 'MANUAL' | 'AUTO' | 'SYSTEM';

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'opened_at' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'uuid', name: 'assigned_to_id', nullable: true })
  assignedToId!: string | null;

  @Column({ type: 'uuid', name: 'claimed_by_id', nullable: true })
  claimedById!: string | null;

  @Column({ type: 'timestamptz', name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'uuid', name: 'decided_by_id', nullable: true })
  decidedById!: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  outputs!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', name: 'return_items', nullable: true })
  returnItems!: { field: string; reason: string }[] | null;

  @Column({ type: 'text', name: 'reject_reason', nullable: true })
  rejectReason!: string | null;
}
