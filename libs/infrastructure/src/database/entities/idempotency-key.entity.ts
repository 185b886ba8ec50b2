import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client's Idempotency-Key for a case submission: the same key and body give back the same case. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid', name: 'owner_id' })
  ownerId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** sha256 of the canonical JSON body: the key may not be reused with another body. */
  @Column({ type: 'text', name: 'request_hash' })
  requestHash!: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
