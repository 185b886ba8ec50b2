import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maskEmail } from '@onetrip/domain';
import { PersonalDataCipher } from '@onetrip/infrastructure';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { pageOffset } from '../common/page-query.dto';
import type { NotificationContactUpdateDto } from './dto/notification-contact-update.dto';
import type { NotificationDeliveryQueryDto, NotificationListQueryDto } from './dto/notification-query.dto';
import type { NotificationContactDto, NotificationDeliveryDto, NotificationDeliveryListDto, NotificationDto, NotificationListDto } from './dto/notification-response.dto';
import { DeliveryRow, NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { InboxRow, NotificationInboxRepository } from './notification-inbox.repository';

// Notification and delivery ids are bigserial: anything else is no such row (not a 500 from a failed cast).
const isRowId = (id: string): boolean => /^[1-9]\d{0,17}$/.test(id);

function toNotification(row: InboxRow): NotificationDto {
  return {
    id: String(row.id),
    caseId: row.case_id,
    kind: row.kind,
    enterpriseName: row.enterprise_name,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString(),
  };
}

function toDelivery(row: DeliveryRow): NotificationDeliveryDto {
  return {
    id: String(row.id),
    notificationId: String(row.notification_id),
    caseId: row.case_id,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    nextAttemptAt: row.next_attempt_at.toISOString(),
  };
}

/** An applicant's in-app notices and contact settings; the admins' dead letters and their retry. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: NotificationInboxRepository,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditLogService,
  ) {}

  async listOwn(user: AuthenticatedUser, query: NotificationListQueryDto): Promise<NotificationListDto> {
    const { rows, total, unread } = await this.inbox.page(user.id, query.limit, pageOffset(query));
    return { items: rows.map(toNotification), total, unreadCount: unread };
  }

  async markRead(user: AuthenticatedUser, id: string): Promise<NotificationDto> {
    const row = isRowId(id) ? await this.inbox.markRead(user.id, id) : undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such notification of yours');
    return toNotification(row);
  }

  async contact(user: AuthenticatedUser): Promise<NotificationContactDto> {
    const row = await this.inbox.contact(user.id);
    if (!row) throw new AppError('NOT_FOUND', 'No such account');
    return { email: row.email ? maskEmail(this.cipher.open(row.email)) : undefined, locale: row.locale };
  }

  async setContact(user: AuthenticatedUser, dto: NotificationContactUpdateDto): Promise<NotificationContactDto> {
    // Sealed at rest like the mobile: a dump of users shows no address.
    await this.inbox.setContact(user.id, dto.email ? this.cipher.seal(dto.email) : null, dto.locale);
    return this.contact(user);
  }

  async listDeliveries(query: NotificationDeliveryQueryDto): Promise<NotificationDeliveryListDto> {
    const { rows, total } = await this.deliveries.page(query.status, query.limit, pageOffset(query));
    return { items: rows.map(toDelivery), total };
  }

  /** Sends a dead letter (or a skipped channel) again; one already queued or sent is answered as it is (a retried request). */
  async retryDelivery(user: AuthenticatedUser, id: string): Promise<NotificationDeliveryDto> {
    if (!isRowId(id)) throw new AppError('NOT_FOUND', 'No such delivery');
    const row = await this.dataSource.transaction(async (manager) => {
      const before = await this.deliveries.byId(id, manager);
      if (!before) throw new AppError('NOT_FOUND', 'No such delivery');
      if (await this.deliveries.requeue(manager, id)) {
        await this.audit.record({ actor: user, action: 'NOTIFICATION_RETRY', caseId: before.case_id, details: { deliveryId: id, channel: before.channel, kind: before.kind, previousStatus: before.status } }, manager);
      }
      return (await this.deliveries.byId(id, manager))!;
    });
    return toDelivery(row);
  }
}
