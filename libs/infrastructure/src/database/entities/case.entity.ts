import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One joint-window case: the combined form and the read model of its progress, written by activities. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', name: 'workflow_id', unique: true })
  workflowId!: string;

  @Column({ type: 'uuid', name: 'applicant_id' })
  applicantId!: string;

  @Column({ type: 'uuid', name: 'filed_by_id' })
  filedById!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'jsonb' })
  form!: unknown;

  @Column({ type: 'integer', name: 'form_version' })
  formVersion!: number;

  @Column({ type: 'text', name: 'enterprise_name' })
  enterpriseName!: string;

  @Column({ type: 'jsonb' })
  policy!: unknown;

  @Column({ type: 'jsonb' })
  fees!: unknown;

  @Column({ type: 'integer', name: 'correction_round' })
  correctionRound!: number;

  @Column({ type: 'jsonb', nullable: true })
  correction!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: unknown;

  @Column({ type: 'text', nullable: true })
  uscc!: string | null;

  @Column({ type: 'text', name: 'end_reason', nullable: true })
  endReason!: string | null;

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'awaiting_applicant_since', nullable: true })
  awaitingApplicantSince!: Date | null;

  @Column({ type: 'timestamptz', name: 'last_progress_at' })
  lastProgressAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
