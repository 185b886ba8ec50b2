import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NotificationDto {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'CORRECTION_NEEDED', description: 'SUBMITTED, CORRECTION_NEEDED, COMPLETED, REJECTED, CANCELLED, COMPLAINT_RESOLVED, …' }) kind!: string;
  @ApiProperty({ type: 'string', nullable: true, example: '吉首市星火科技有限公司', description: 'The enterprise name applied for; null for a process whose form names no enterprise' }) enterpriseName!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Codes and ids only (round, uscc, reason, complaintId)' }) payload!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the applicant marked it read; absent while unread' }) readAt?: string;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer', description: 'Notices not marked read' }) unreadCount!: number;
}

export class NotificationContactDto {
  @ApiPropertyOptional({ description: 'Where e-mail notifications go, masked (absent: no e-mail is sent)', example: 'z********@example.com' }) email?: string;
  @ApiProperty({ enum: ['zh', 'en'] }) locale!: 'zh' | 'en';
}

export class NotificationDeliveryDto {
  @ApiProperty({ example: '7' }) id!: string;
  @ApiProperty({ example: '42' }) notificationId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['IN_APP', 'EMAIL', 'SMS'] }) channel!: string;
  @ApiProperty({ enum: ['PENDING', 'SENDING', 'SENT', 'SKIPPED', 'DEAD'] }) status!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiPropertyOptional({ description: 'The last failure, personal data masked' }) lastError?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
}

export class NotificationDeliveryListDto {
  @ApiProperty({ type: [NotificationDeliveryDto] }) items!: NotificationDeliveryDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
}
