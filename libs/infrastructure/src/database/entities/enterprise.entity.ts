import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnterpriseBankAccount, EnterpriseSeal, EnterpriseStatus } from '@onetrip/domain/enterprise/enterprise-register';
import type { CompanyAddress, LegalRepresentative, Shareholder } from '@onetrip/domain/application/application-form';

/**
 * One enterprise of the register (市场主体登记簿). Written only by the completion of a case (an opening creates
 * it, a change or deregistration updates it) and by the filing of a lifecycle case (status and the case in flight).
 * `legalRepresentative.idNumber`/`.mobile` and shareholders' ID numbers are sealed (pd1:…), opened by PersonalDataCipher.
 */
@Entity({ name: 'enterprises' })
export class EnterpriseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  uscc!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', name: 'entity_type' })
  entityType!: string;

  @Column({ type: 'jsonb' })
  address!: CompanyAddress;

  @Column({ type: 'jsonb', name: 'legal_representative' })
  legalRepresentative!: LegalRepresentative;

  /** The account of the legal representative (the opening's applicant); "my enterprises" lists by it. */
  @Column({ type: 'uuid', name: 'legal_representative_user_id', nullable: true })
  legalRepresentativeUserId!: string | null;

  @Column({ type: 'text', name: 'registered_capital' })
  registeredCapital!: string;

  @Column({ type: 'jsonb', name: 'business_scope' })
  businessScope!: string[];

  @Column({ type: 'jsonb' })
  shareholders!: Shareholder[];

  @Column({ type: 'jsonb' })
  seals!: EnterpriseSeal[];

  @Column({ type: 'text', name: 'taxpayer_id', nullable: true })
  taxpayerId!: string | null;

  @Column({ type: 'text', name: 'social_insurance_number', nullable: true })
  socialInsuranceNumber!: string | null;

  @Column({ type: 'jsonb', name: 'bank_account', nullable: true })
  bankAccount!: EnterpriseBankAccount | null;

  @Column({ type: 'text', name: 'licence_number', nullable: true })
  licenceNumber!: string | null;

  @Column({ type: 'integer', name: 'licence_edition' })
  licenceEdition!: number;

  @Column({ type: 'text' })
  status!: EnterpriseStatus;

  /** The change or deregistration in flight (set with CHANGING/DEREGISTERING, cleared with ACTIVE/DEREGISTERED). */
  @Column({ type: 'uuid', name: 'lifecycle_case_id', nullable: true })
  lifecycleCaseId!: string | null;

  @Column({ type: 'uuid', name: 'opened_by_case_id' })
  openedByCaseId!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', name: 'deregistered_at', nullable: true })
  deregisteredAt!: Date | null;
}

/** One case of an enterprise's history: its opening, each change, its deregistration. */
@Entity({ name: 'enterprise_cases' })
export class EnterpriseCaseEntity {
  @PrimaryColumn({ type: 'uuid', name: 'enterprise_id' })
  enterpriseId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'case_id' })
  caseId!: string;

  @Column({ type: 'text' })
  role!: 'OPENING' | 'CHANGE' | 'DEREGISTER';

  @Column({ type: 'timestamptz', name: 'linked_at' })
  linkedAt!: Date;

  /** When the case's completion changed the register (null: in flight, refused or cancelled). */
  @Column({ type: 'timestamptz', name: 'applied_at', nullable: true })
  appliedAt!: Date | null;

  /** What the completion changed: the facts changed, the seal filings cancelled. */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
