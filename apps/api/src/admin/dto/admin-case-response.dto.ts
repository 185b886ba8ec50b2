import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseResponseDto, LocalizedNameDto } from '../../applications/dto/case-response.dto';
import { ReturnItemResponseDto } from '../../tasks/dto/task-response.dto';
import { STUCK_REASONS, type StuckReason, type StuckReasonCode } from '../stuck-reasons';
import type { TimelineEntry } from '../workflow-timeline';
import { ADMIN_ACTIONS, type AdminAction, type AvailableAction } from '../available-actions';

/** An action that fits the case now, with the steps it may name. */
export class AvailableActionDto implements AvailableAction {
  @ApiProperty({ enum: ADMIN_ACTIONS }) action!: AdminAction;
  @ApiProperty({ type: [String], description: "The steps it may name (ids of the case's definition); empty for an action on the whole case" }) stepIds!: string[];
}

/** A clerk an admin may give a department's task to. */
export class ClerkDto {
  @ApiProperty({ example: 'clerk-tax' }) username!: string;
  @ApiProperty({ example: '李税务' }) name!: string;
}

export class ClerkListDto {
  @ApiProperty({ type: [ClerkDto] }) items!: ClerkDto[];
}

/** One reason a case is stuck, with its facts. */
export class StuckReasonDto implements StuckReason {
  @ApiProperty({ enum: STUCK_REASONS }) reason!: StuckReasonCode;
  @ApiPropertyOptional({ example: 'SAMR', description: "The department's code (any the case's definition declares)" }) department?: string;
  @ApiPropertyOptional({ type: LocalizedNameDto, description: "The department's names from the case's definition" }) departmentName?: LocalizedNameDto;
  @ApiProperty({ format: 'date-time', description: 'When this reason began' }) since!: string;
  @ApiProperty({ type: 'integer', description: 'Minutes since then, by the clock' }) minutes!: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Past a time limit: minutes past it in working time' }) workingMinutesLate?: number;
  @ApiPropertyOptional({ type: 'integer' }) attempts?: number;
  @ApiPropertyOptional() lastError?: string;
  @ApiPropertyOptional() escalated?: boolean;
  @ApiPropertyOptional() claimedBy?: string;
  @ApiPropertyOptional({ format: 'uuid' }) complaintId?: string;
  @ApiProperty({ description: 'One line an admin can read' }) summary!: string;
}

/** A form field named in a timeline entry, with its label from the case's definition. */
export class TimelineFieldDto {
  @ApiProperty({ example: 'company.businessScope' }) path!: string;
  @ApiPropertyOptional({ type: LocalizedNameDto }) label?: LocalizedNameDto;
}

/** One event of the merged audit log and workflow history. */
export class TimelineEntryDto implements TimelineEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['WORKFLOW', 'AUDIT'] }) source!: 'WORKFLOW' | 'AUDIT';
  @ApiProperty() event!: string;
  @ApiPropertyOptional({ example: 'SAMR', description: "The department's code (any the case's definition declares)" }) department?: string;
  @ApiPropertyOptional({ type: LocalizedNameDto, description: "The department's names from the case's definition" }) departmentName?: LocalizedNameDto;
  @ApiPropertyOptional({ description: "The step of the case's definition" }) stepId?: string;
  @ApiPropertyOptional({ type: LocalizedNameDto, description: "The step's names from the case's definition" }) stepName?: LocalizedNameDto;
  @ApiPropertyOptional({ description: 'The user who acted (a username), when known' }) actor?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'STEP_OPENED: which opening of the step' }) round?: number;
  @ApiPropertyOptional({ format: 'date-time', description: "STEP_OPENED: the step's time limit" }) dueAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'WAITING: until when the case waits for a decision' }) waitUntil?: string;
  @ApiPropertyOptional({ enum: ['COMPLETE', 'RETURN', 'REJECT'], description: "DECISION: the clerk's decision" }) decision?: string;
  @ApiPropertyOptional({ type: [TimelineFieldDto], description: 'DECISION (RETURN): the fields sent back, labelled' }) fields?: TimelineFieldDto[];
  @ApiPropertyOptional({ description: 'CASE_CLOSED: how the case ended' }) caseStatus?: string;
  @ApiPropertyOptional({ description: "Free text in the actor's words (a reason), or a failure's message" }) detail?: string;
}

export class StuckCaseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The enterprise name applied for (public information); null for a process whose form names no enterprise' }) enterpriseName!: string | null;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ description: 'When the earliest reason began' }) stuckSince!: string;
  @ApiProperty({ description: 'Minutes since then' }) lateMinutes!: number;
  @ApiProperty({ type: [StuckReasonDto], description: 'Each reason with its facts and a one-line summary' })
  reasons!: StuckReasonDto[];
}

export class StuckCaseListDto {
  @ApiProperty({ type: [StuckCaseDto] }) items!: StuckCaseDto[];
  @ApiProperty({ description: 'How many cases match, counted up to 1,000: when more match, 1000 and totalCapped is true' }) total!: number;
  @ApiProperty({ description: 'More than `total` (1,000) cases match: show "1000+". A large backlog is not counted to its end, so the page stays fast' })
  totalCapped!: boolean;
}

export class AdminTaskDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The step of the case's definition" }) stepId!: string;
  @ApiProperty() department!: string;
  @ApiProperty() round!: number;
  @ApiProperty() mode!: string;
  @ApiProperty() status!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty() dueAt!: string;
  @ApiPropertyOptional() remindedAt?: string;
  @ApiPropertyOptional() overdueAt?: string;
  @ApiPropertyOptional() escalatedAt?: string;
  @ApiPropertyOptional() claimedBy?: string;
  @ApiPropertyOptional() assignedTo?: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional() decidedAt?: string;
  @ApiPropertyOptional({ type: [ReturnItemResponseDto] }) returnItems?: ReturnItemResponseDto[];
  @ApiPropertyOptional() rejectReason?: string;
}

export class PendingActivityDto {
  @ApiProperty() activityId!: string;
  @ApiProperty() activityType!: string;
  @ApiPropertyOptional() department?: string;
  @ApiProperty() state!: string;
  @ApiProperty() attempt!: number;
  @ApiPropertyOptional() lastFailure?: string;
  @ApiPropertyOptional() lastAttemptCompletedAt?: string;
  @ApiPropertyOptional() nextAttemptAt?: string;
}

export class ComplaintDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['OPEN', 'RESOLVED'] }) status!: 'OPEN' | 'RESOLVED';
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional() raisedBy?: string;
  @ApiPropertyOptional() resolution?: string;
  @ApiPropertyOptional() resolvedAt?: string;
  @ApiPropertyOptional() resolvedBy?: string;
}

export class AdminCaseDetailDto {
  @ApiProperty({ type: CaseResponseDto }) case!: CaseResponseDto;
  @ApiProperty({ description: 'The form, ID numbers and mobiles masked unless ?unmask=true (audited)' }) form!: unknown;
  @ApiProperty({ type: [AdminTaskDto], description: 'Every round of every department' }) tasks!: AdminTaskDto[];
  @ApiProperty({ type: [StuckReasonDto], description: 'Why the case is stuck now (empty when it is not)' }) stuckReasons!: StuckReasonDto[];
  @ApiProperty({ type: [PendingActivityDto], description: "Live from Temporal: the case's activities in flight or retrying" })
  pendingActivities!: PendingActivityDto[];
  @ApiProperty({ type: [ComplaintDto], description: 'The latest few complaints, newest first; GET /api/admin/complaints?caseId= pages them all' })
  complaints!: ComplaintDto[];
  @ApiProperty({ description: 'How many complaints the case has in all' }) complaintsTotal!: number;
  @ApiProperty({ type: [TimelineEntryDto], description: "The audit log and the case's stored story (case_events) merged, oldest first, with what the live workflow history adds while Temporal keeps it" }) timeline!: TimelineEntryDto[];
  @ApiProperty({ type: [AvailableActionDto], description: 'The actions that fit the case now (none once it has ended)' }) availableActions!: AvailableActionDto[];
}

export class AdminActionResultDto {
  @ApiProperty() action!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'What the action did, in a sentence' }) result!: string;
  @ApiProperty({ type: AdminCaseDetailDto }) detail!: AdminCaseDetailDto;
}

export class ComplaintListDto {
  @ApiProperty({ type: [ComplaintDto] }) items!: ComplaintDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
}
