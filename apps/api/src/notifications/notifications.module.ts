import { Module } from '@nestjs/common';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { NotificationInboxRepository } from './notification-inbox.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { SmsService } from './sms.service';

/** Notifications that arrive: the in-app notices, the dead letters, and the send-SMS service other features call. */
@Module({ controllers: [NotificationsController], providers: [NotificationsService, NotificationInboxRepository, NotificationDeliveriesRepository, SmsService], exports: [SmsService] })
export class NotificationsModule {}
