import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { poolQuery, type SqlQuery } from '@onetrip/infrastructure';
import type { ApplicantNotification, Notifier } from '@onetrip/workflows';

/** The default notifier: stores each notification once in the outbox table and logs that it did (masked). */
export class OutboxNotifier implements Notifier {
  // One statement per notification, on the pool directly (no TypeORM query runner).
  private readonly sql: SqlQuery;

  constructor(
    dataSource: DataSource,
    private readonly logger: Logger,
  ) {
    this.sql = poolQuery(dataSource);
  }

  async notify(notification: ApplicantNotification): Promise<void> {
    const inserted = await this.sql<{ id: string }>(
      `INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [notification.dedupeKey, notification.caseId, notification.recipientId, notification.kind, JSON.stringify(notification.payload)],
    );
    if (inserted.length) this.logger.info({ caseId: notification.caseId, kind: notification.kind, notificationId: inserted[0].id }, 'notification queued');
  }
}
