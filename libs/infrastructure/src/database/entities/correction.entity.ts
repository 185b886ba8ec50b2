import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CorrectionStatus = 'PENDING' | 'APPLIED' | 'REFUSED';

/** The applicant's correction of one round; it holds personal data, so only its id goes to Temporal. */
@Entity({ name: 'corrections' })
export class CorrectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Column({ type: 'integer' })
  round!: number;

  /** Field path → new value. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ type: 'uuid', name: 'submitted_by_id' })
  submittedById!: string;

  @Column({ type: 'text' })
  status!: CorrectionStatus;

  @Column({ type: 'jsonb', name: 'changed_paths', nullable: true })
  changedPaths!: string[] | null;

  /** path → the value the correction replaced, as stored (sealed where personal). */
  @Column({ type: 'jsonb', name: 'previous_values', nullable: true })
  previousValues!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'applied_at', nullable: true })
  appliedAt!: Date | null;
}
