import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STEP_STATUSES, TASK_DECISIONS, type CaseStatus, type StepStatus, type TaskDecisionKind } from '@onetrip/domain';
import { LocalizedNameDto, RuleFlagDto } from '../../applications/dto/case-response.dto';

export class TaskSummaryDto {
  @ApiProperty({ example: '7c0e…-….SAMR.1' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'SAMR', description: "The step of the case's definition (the opening's step ids are its department codes)" }) stepId!: string;
  @ApiProperty({ example: 'SAMR', description: 'The department whose clerks decide it' }) department!: string;
  @ApiProperty({ description: 'Which opening of the step (1 = first; more after corrections)' }) round!: number;
  @ApiProperty({ enum: STEP_STATUSES }) status!: StepStatus;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Open or claimed and past its time limit' }) overdue!: boolean;
  @ApiPropertyOptional({ description: 'Username of the clerk who claimed it' }) claimedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) claimedAt?: string;
}

/** An inbox row: the task with whose case it is and its time left in working time. */
export class InboxTaskDto extends TaskSummaryDto {
  @ApiProperty({ type: 'string', nullable: true, description: 'The enterprise name applied for (public once registered); null for a process whose form names no enterprise' }) enterpriseName!: string | null;
  @ApiPropertyOptional({ example: '赵*', description: "The applicant's name, all but its first character masked (the task page shows what the step reads)" }) applicantName?: string;
  @ApiProperty({ type: 'integer', description: "Working minutes until the time limit by the case's calendar; negative once past it" }) workingMinutesLeft!: number;
}

export class TaskListResponseDto {
  @ApiProperty({ type: [InboxTaskDto] }) items!: InboxTaskDto[];
  @ApiProperty({ description: 'How many tasks match, counted up to 1,000: when more match, 1000 and totalCapped is true' }) total!: number;
  @ApiProperty({ description: 'More than `total` (1,000) tasks match: show "1000+". A large backlog is not counted to its end, so the page stays fast' })
  totalCapped!: boolean;
}

export class ReturnItemResponseDto {
  @ApiProperty() field!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ type: LocalizedNameDto, description: "The field's label from the definition's form schema" }) label?: LocalizedNameDto;
}

/** A field in people's words: its label from the definition's schema and its value said (enum labels, yes/no, money, dates). */
export class LabelledFieldDto {
  @ApiProperty({ example: 'restaurant.seats', description: 'The form path (or output key): for keying, not for showing' }) path!: string;
  @ApiPropertyOptional({ type: LocalizedNameDto, description: 'The top-level part of the form it lies in' }) section?: LocalizedNameDto;
  @ApiProperty({ type: LocalizedNameDto, description: 'Its label within that part' }) label!: LocalizedNameDto;
  @ApiProperty({ type: LocalizedNameDto, description: 'Its value in words' }) value!: LocalizedNameDto;
}

/** A field a clerk may send back for correction, with its label. */
export class ReturnFieldDto {
  @ApiProperty({ example: 'restaurant.seats' }) path!: string;
  @ApiProperty({ type: LocalizedNameDto }) label!: LocalizedNameDto;
}

/** What a step this one depends on issued (SAMR's USCC and licence number for PSB, TAX, BANK), labelled. */
export class EarlierResultDto {
  @ApiProperty({ example: 'SAMR' }) stepId!: string;
  @ApiProperty({ type: LocalizedNameDto }) stepName!: LocalizedNameDto;
  @ApiProperty({ type: LocalizedNameDto }) departmentName!: LocalizedNameDto;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiProperty({ type: [LabelledFieldDto] }) fields!: LabelledFieldDto[];
}

/** A reason the case was sent back in the round before, as this step may read it. */
export class PreviousReturnDto {
  @ApiProperty({ type: LocalizedNameDto, description: 'Which department asked' }) departmentName!: LocalizedNameDto;
  @ApiProperty({ example: 'tax.taxpayerType' }) field!: string;
  @ApiPropertyOptional({ type: LocalizedNameDto }) label?: LocalizedNameDto;
  @ApiProperty({ description: "The clerk's reason (ID numbers and mobiles masked unless this department wrote it)" }) reason!: string;
}

/** A field the applicant corrected, old → new, in this step's masking. */
export class CorrectedFieldDto {
  @ApiProperty({ example: 'tax.taxpayerType' }) path!: string;
  @ApiPropertyOptional({ type: LocalizedNameDto }) section?: LocalizedNameDto;
  @ApiProperty({ type: LocalizedNameDto }) label!: LocalizedNameDto;
  @ApiProperty({ type: LocalizedNameDto, description: 'The value before the correction, in words' }) before!: LocalizedNameDto;
  @ApiProperty({ type: LocalizedNameDto, description: 'The value now, in words' }) after!: LocalizedNameDto;
}

/** On a later round: why the case went back and what the applicant changed. */
export class PreviousRoundDto {
  @ApiProperty({ format: 'date-time', description: 'When the correction was applied' }) correctedAt!: string;
  @ApiProperty({ type: [PreviousReturnDto] }) returns!: PreviousReturnDto[];
  @ApiProperty({ type: [CorrectedFieldDto], description: 'Only the fields this step reads' }) corrected!: CorrectedFieldDto[];
}

/** A task with the part of the form its department reads (personal data masked where not needed). */
export class TaskDetailResponseDto extends TaskSummaryDto {
  @ApiProperty({ enum: ['MANUAL', 'AUTO', 'SYSTEM'] }) mode!: 'MANUAL' | 'AUTO' | 'SYSTEM';
  @ApiProperty({ description: 'Status of the whole case' }) caseStatus!: CaseStatus;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) outputs?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [ReturnItemResponseDto] }) returnItems?: ReturnItemResponseDto[];
  @ApiPropertyOptional() rejectReason?: string;
  @ApiPropertyOptional({ type: [RuleFlagDto], description: 'Things to check on this part of the form' }) flags?: RuleFlagDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: "This step's part of the form (its definition's reads; personal data masked unless listed unmasked)" }) form!: Record<string, unknown>;
  @ApiProperty({ type: LocalizedNameDto }) stepName!: LocalizedNameDto;
  @ApiProperty({ example: 'review', description: 'The step kind (its registered code)' }) kind!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "JSON Schema of what the step issues (the definition's outputs)" }) outputSchema!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'The outputs a clerk may fill on completion' }) clerkFields!: string[];
  @ApiProperty({ type: LocalizedNameDto, description: "The department's names from the case's definition" }) departmentName!: LocalizedNameDto;
  @ApiProperty({ type: [LabelledFieldDto], description: 'Every field of `form`, labelled and in words, in the form\'s order' }) fields!: LabelledFieldDto[];
  @ApiProperty({ type: [ReturnFieldDto], description: 'The fields this step may send back for correction, labelled' }) returnFields!: ReturnFieldDto[];
  @ApiPropertyOptional({ type: [LabelledFieldDto], description: 'What the step issued, labelled and in words (from its outputs schema)' }) outputFields?: LabelledFieldDto[];
  @ApiProperty({ enum: TASK_DECISIONS, isArray: true, description: "What a clerk may decide on this step, from its kind (an objection's ruling step is not returned for correction); the others are refused" })
  decisions!: TaskDecisionKind[];
  @ApiProperty({ type: 'string', nullable: true, description: 'The enterprise name applied for; null for a process whose form names no enterprise' }) enterpriseName!: string | null;
  @ApiProperty({ type: 'integer', description: "Working minutes until the time limit by the case's calendar; negative once past it" }) workingMinutesLeft!: number;
  @ApiProperty({ type: [EarlierResultDto], description: 'What the steps this one depends on issued' }) earlierResults!: EarlierResultDto[];
  @ApiPropertyOptional({ type: PreviousRoundDto, description: 'Round 2 and later: the reasons of the round before and the corrected fields, old → new' }) previousRound?: PreviousRoundDto;
}

/** What a decision did, as the workflow answered it. */
export class TaskDecisionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty({ example: 'SAMR' }) department!: string;
  @ApiProperty({ enum: STEP_STATUSES }) status!: StepStatus;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'What the department issued' }) outputs?: Record<string, unknown>;
}
