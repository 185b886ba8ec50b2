import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENTERPRISE_STATUSES, type EnterpriseStatus } from '@onetrip/domain';

export class EnterpriseAddressDto {
  @ApiProperty() divisionCode!: string;
  @ApiProperty() detail!: string;
}

export class EnterpriseRepresentativeDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Masked (110101********1234)' }) idNumber!: string;
  @ApiProperty({ description: 'Masked' }) mobile!: string;
}

export class EnterpriseShareholderDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['PERSON', 'ENTITY'] }) kind!: string;
  @ApiPropertyOptional({ description: 'Masked' }) idNumber?: string;
  @ApiPropertyOptional() uscc?: string;
  @ApiProperty() subscribedCapital!: string;
}

export class EnterpriseSealDto {
  @ApiProperty() kind!: string;
  @ApiProperty({ description: 'The PSB filing code (印章备案码)' }) code!: string;
}

export class EnterpriseBankAccountDto {
  @ApiProperty() bankCode!: string;
  @ApiProperty() bankName!: string;
  @ApiProperty() branch!: string;
  @ApiProperty() accountNumber!: string;
}

export class EnterpriseHistoryItemDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ['OPENING', 'CHANGE', 'DEREGISTER'] }) role!: string;
  @ApiProperty() processKey!: string;
  @ApiProperty() processVersion!: number;
  @ApiProperty({ description: "The case's status" }) status!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When its completion changed the register (null: in flight, refused or cancelled)' })
  appliedAt!: string | null;
  @ApiProperty({ type: [String], description: 'What a change changed (name, address, legalRepresentative, capital, businessScope)' }) changed!: string[];
}

export class EnterpriseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() uscc!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ENTERPRISE_STATUSES }) status!: EnterpriseStatus;
  @ApiProperty() legalRepresentativeName!: string;
  @ApiProperty() licenceEdition!: number;
}

export class EnterpriseListResponseDto {
  @ApiProperty({ type: [EnterpriseSummaryDto] }) items!: EnterpriseSummaryDto[];
}

export class EnterpriseResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Unified social credit code: never changes' }) uscc!: string;
  @ApiProperty() name!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ type: EnterpriseAddressDto }) address!: EnterpriseAddressDto;
  @ApiProperty({ type: EnterpriseRepresentativeDto }) legalRepresentative!: EnterpriseRepresentativeDto;
  @ApiProperty() registeredCapital!: string;
  @ApiProperty({ type: [String] }) businessScope!: string[];
  @ApiProperty({ type: [EnterpriseShareholderDto] }) shareholders!: EnterpriseShareholderDto[];
  @ApiProperty({ type: [EnterpriseSealDto] }) seals!: EnterpriseSealDto[];
  @ApiProperty({ nullable: true, type: String }) taxpayerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) socialInsuranceNumber!: string | null;
  @ApiPropertyOptional({ type: EnterpriseBankAccountDto, description: 'Absent when the register has no account' }) bankAccount?: EnterpriseBankAccountDto;
  @ApiProperty({ nullable: true, type: String }) licenceNumber!: string | null;
  @ApiProperty() licenceEdition!: number;
  @ApiProperty({ enum: ENTERPRISE_STATUSES }) status!: EnterpriseStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The change or deregistration in flight' }) lifecycleCaseId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deregisteredAt!: string | null;
  @ApiProperty({ type: [EnterpriseHistoryItemDto], description: 'Its cases, oldest first' }) history!: EnterpriseHistoryItemDto[];
}
