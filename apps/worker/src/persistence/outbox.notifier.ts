import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { ApplicantNotification, Notifier } from '@onetrip/workflows';

/** The default notifier: stores each notification once in the outbox table and logs that it did (masked). */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {}

  async notify(notification: ApplicantNotification): Promise<void> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [notification.dedupeKey, notification.caseId, notification.recipientId, notification.kind, JSON.stringify(notification.payload)],
    )) as { id: string }[];
    if (inserted.length) this.logger.info({ caseId: notification.caseId, kind: notification.kind, notificationId: inserted[0].id }, 'notification queued');
  }
}
