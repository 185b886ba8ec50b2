import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProcessDefinition, ProcessDefinitionStatus } from '@onetrip/domain/engine/process-definition';

/**
 * One version of a "one thing" process (一件事): the validated document and its lifecycle
 * (DRAFT → ACTIVE → RETIRED, one ACTIVE per key). The body never changes once stored: cases pin
 * (key, version) and readers may cache it for good.
 */
@Entity({ name: 'process_definitions' })
export class ProcessDefinitionEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: ProcessDefinitionStatus;

  @Column({ type: 'jsonb' })
  body!: ProcessDefinition;

  /** sha256 of the canonical JSON of the body: an upload of the same document is recognised by it. */
  @Column({ type: 'text' })
  checksum!: string;

  // Null for the shipped definitions, loaded at start by no one.
  @Column({ type: 'uuid', name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'activated_at', nullable: true })
  activatedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'retired_at', nullable: true })
  retiredAt!: Date | null;
}
