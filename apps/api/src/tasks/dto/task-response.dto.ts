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

export class TaskListResponseDto {
  @ApiProperty({ type: [TaskSummaryDto] }) items!: TaskSummaryDto[];
  @ApiProperty() total!: number;
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
