import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, FEE_PAYERS, STEP_STATUSES, type CaseStatus, type FeePayer, type StepStatus } from '@onetrip/domain';
import { ApplicationFormDto } from './application-form.dto';

export class LocalizedNameDto {
  @ApiProperty({ example: '企业开办' }) zh!: string;
  @ApiProperty({ example: 'Enterprise opening' }) en!: string;
}

/** The definition version a case was filed under (it finishes on it). */
export class CaseProcessDto {
  @ApiProperty({ example: 'enterprise-opening' }) key!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ type: LocalizedNameDto }) name!: LocalizedNameDto;
}

export class CaseStepDto {
  @ApiProperty({ example: 'SAMR', description: "The step's id in its definition (the enterprise opening's are its department codes)" }) stepId!: string;
  @ApiProperty({ type: LocalizedNameDto }) name!: LocalizedNameDto;
  @ApiProperty({ example: 'SAMR', description: 'The department whose clerks decide the step (a code the definition declares)' }) department!: string;
  @ApiProperty({ type: [String], description: 'Steps that must be done (or not needed) before this one opens' }) dependsOn!: string[];
  @ApiProperty({ enum: STEP_STATUSES, description: 'PENDING until the step opens; SKIPPED when the form does not need it' }) status!: StepStatus;
  @ApiPropertyOptional({ description: 'Which opening of the step the current task is (1 = first; more after corrections)' }) round?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Time limit of the open step' }) dueAt?: string;
  @ApiProperty({ description: 'Open or claimed and past its time limit' }) overdue!: boolean;
  @ApiPropertyOptional({ description: "Working minutes left before the time limit of an open step, counted on the case's working calendar (office hours of working days), not clock time" })
  workingMinutesLeft?: number;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'What the department issued' }) outputs?: Record<string, unknown>;
}

export class CorrectionItemDto {
  @ApiProperty({ example: 'SAMR' }) department!: string;
  @ApiProperty({ example: 'legalRepresentative.idNumber' }) field!: string;
  @ApiProperty() reason!: string;
}

/** 一次告知: every department's requests in one notice. */
export class CorrectionNoticeDto {
  @ApiProperty() round!: number;
  @ApiProperty({ type: [CorrectionItemDto] }) items!: CorrectionItemDto[];
}

export class FeeItemDto {
  @ApiProperty({ example: 'SEAL_OFFICIAL' }) code!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional() descriptionZh?: string;
  @ApiProperty({ example: '240.00' }) amount!: string;
  @ApiProperty({ enum: FEE_PAYERS }) payer!: FeePayer;
}

export class FeesDto {
  @ApiProperty({ type: [FeeItemDto] }) items!: FeeItemDto[];
  @ApiProperty({ example: '0.00', description: 'What the applicant pays: always 0.00' }) applicantTotal!: string;
  @ApiProperty({ example: '1060.00', description: 'What government, statute and the bank bear' }) borneByOthers!: string;
}

export class SealOutcomeDto {
  @ApiProperty() kind!: string;
  @ApiProperty() code!: string;
}

export class CaseOutcomeDto {
  @ApiProperty() uscc!: string;
  @ApiProperty() licenseNumber!: string;
  @ApiProperty({ type: [SealOutcomeDto] }) seals!: SealOutcomeDto[];
  @ApiProperty({ example: { taxpayerId: '91433101…', ukeyNumber: '66…' } }) tax!: Record<string, unknown>;
  @ApiProperty({ example: { registrationNumber: '4331017…' } }) socialInsurance!: Record<string, unknown>;
  @ApiProperty({ example: { bankCode: 'ICBC', accountNumber: '6222…' } }) bankAccount!: Record<string, unknown>;
  @ApiProperty({ example: { method: 'FREE_MAIL', tripsRequired: 0 } }) delivery!: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'EA123456785CN', description: 'Free mail: the item number the postal system issued (S10), once it has taken the shipment' }) mailTrackingNumber?: string;
}

export class RuleFlagDto {
  @ApiProperty({ example: 'shareholders[1].uscc' }) path!: string;
  @ApiProperty({ example: 'USCC_CHECK_FAILED' }) code!: string;
  @ApiProperty() message!: string;
}

/** Who a case is for, as the window that filed it at the counter sees it. */
export class CaseApplicantDto {
  @ApiProperty({ example: 'wang-wu' }) username!: string;
  @ApiPropertyOptional({ example: '王五', description: 'The name the account gave' }) name?: string;
}

/** A case as its applicant (or the window that filed it) sees it; read from PostgreSQL, never from Temporal. */
export class CaseResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;
  @ApiProperty({ type: CaseProcessDto }) process!: CaseProcessDto;
  @ApiProperty({ type: [CaseStepDto], description: "Every step of the case's definition version, in its order (the opening's: SAMR, PSB, TAX, HRSS, BANK)" }) steps!: CaseStepDto[];
  @ApiPropertyOptional({ type: CorrectionNoticeDto, description: 'When AWAITING_CORRECTION' }) correction?: CorrectionNoticeDto;
  @ApiPropertyOptional({ type: CaseOutcomeDto, description: 'When COMPLETED: one combined outcome (一次办好)' }) outcome?: Record<string, unknown>;
  @ApiProperty({ type: FeesDto }) fees!: FeesDto;
  @ApiPropertyOptional({ description: 'Why the case was rejected or cancelled' }) endReason?: string;
  @ApiPropertyOptional({ type: [RuleFlagDto], description: 'Things a clerk will look at (not reasons to refuse)' }) flags?: RuleFlagDto[];
  @ApiPropertyOptional({ type: ApplicationFormDto, description: 'The form, for its owner only' }) form?: ApplicationFormDto;
  @ApiPropertyOptional({ type: CaseApplicantDto, description: 'The applicant the case is for: only to the window that filed it' }) applicant?: CaseApplicantDto;
}

export class CaseListResponseDto {
  @ApiProperty({ type: [CaseResponseDto] }) items!: CaseResponseDto[];
  @ApiProperty() total!: number;
}
