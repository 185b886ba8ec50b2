import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseResponseDto } from '../../applications/dto/case-response.dto';
import type { StuckReason } from '../stuck-reasons';
import type { TimelineEntry } from '../workflow-timeline';

export class StuckCaseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'The enterprise name applied for (public information)' }) enterpriseName!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ description: 'When the earliest reason began' }) stuckSince!: string;
  @ApiProperty({ description: 'Minutes since then' }) lateMinutes!: number;
  @ApiProperty({ description: 'OVERDUE | AWAITING_APPLICANT | STEP_FAILING | NO_PROGRESS | COMPLAINT, each with its facts and a one-line summary' })
  reasons!: StuckReason[];
}

export class StuckCaseListDto {
  @ApiProperty({ type: [StuckCaseDto] }) items!: StuckCaseDto[];
  @ApiProperty() total!: number;
}

export class AdminTaskDto {
  @ApiProperty() id!: string;
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
  @ApiPropertyOptional() returnItems?: { field: string; reason: string }[];
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
  @ApiProperty({ description: 'Why the case is stuck now (empty when it is not)' }) stuckReasons!: StuckReason[];
  @ApiProperty({ type: [PendingActivityDto], description: "Live from Temporal: the case's activities in flight or retrying" })
  pendingActivities!: PendingActivityDto[];
  @ApiProperty({ type: [ComplaintDto], description: 'The latest few complaints, newest first; GET /api/admin/complaints?caseId= pages them all' })
  complaints!: ComplaintDto[];
  @ApiProperty({ description: 'How many complaints the case has in all' }) complaintsTotal!: number;
  @ApiProperty({ description: 'The audit log and the workflow history merged, oldest first' }) timeline!: TimelineEntry[];
}

export class AdminActionResultDto {
  @ApiProperty() action!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'What the action did, in a sentence' }) result!: string;
  @ApiProperty({ type: AdminCaseDetailDto }) detail!: AdminCaseDetailDto;
}
