import { DataSource } from 'typeorm';
import { ChannelRouting, channelsFor, NotificationChannel } from '@onetrip/domain';

/** A delivery the relay has claimed: what to send, to whom (sealed values still sealed), and its fencing attempt. */
export interface ClaimedDelivery {
  id: string;
  notificationId: string;
  channel: NotificationChannel;
  dedupeKey: string;
  attempts: number;
  kind: string;
  payload: Record<string, unknown>;
  caseId: string;
  enterpriseName: string;
  sealedEmail: string | null;
  sealedMobile: string | null;
  locale: 'zh' | 'en';
}

// TypeORM answers an UPDATE … RETURNING as [rows, count], a SELECT as rows.
function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}

/** The SQL of the relay: planning deliveries per channel, claiming due ones, recording what happened. */
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the delivery rows (one per configured channel) of notifications not planned yet; in-app ones
   * are delivered by being written. Returns how many notifications it planned.
   */
  async planNew(routing: ChannelRouting, limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(`SELECT id, kind, dedupe_key FROM notifications WHERE planned_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit])) as {
        id: string;
        kind: string;
        dedupe_key: string;
      }[];
      for (const row of rows) {
        for (const channel of channelsFor(routing, row.kind)) {
          // Either key taken (this dedupe key, or a delivery on this channel written some other way, e.g. an
          // admin's): the channel has its delivery. One such row must not stop the relay's every pass.
          await manager.query(
            `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, status, sent_at)
             VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'SENT' THEN now() END) ON CONFLICT DO NOTHING`,
            [row.id, channel, `${row.dedupe_key}/${channel}`, channel === 'IN_APP' ? 'SENT' : 'PENDING'],
          );
        }
      }
      if (rows.length) await manager.query(`UPDATE notifications SET planned_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  /**
   * Claims due deliveries: pending ones whose time has come, and sending ones whose lease ran out (their
   * relay died mid-send: sent again with the same dedupe key). Each claim counts an attempt.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    const rows = returnedRows<{ id: string; notification_id: string; channel: NotificationChannel; dedupe_key: string; attempts: number }>(await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM notification_deliveries
          WHERE (status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND lease_until < now())
          ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE notification_deliveries d SET status = 'SENDING', attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
         FROM due WHERE d.id = due.id
       RETURNING d.id, d.notification_id, d.channel, d.dedupe_key, d.attempts`,
      [limit, leaseSeconds],
    ));
    if (rows.length === 0) return [];
    const details = (await this.dataSource.query(
      `SELECT n.id, n.kind, n.payload, n.case_id, c.enterprise_name, u.email, u.mobile, u.locale
         FROM notifications n JOIN cases c ON c.id = n.case_id JOIN users u ON u.id = n.recipient_id
        WHERE n.id = ANY($1::bigint[])`,
      [rows.map((row) => row.notification_id)],
    )) as { id: string; kind: string; payload: Record<string, unknown>; case_id: string; enterprise_name: string; email: string | null; mobile: string | null; locale: 'zh' | 'en' }[];
    const byId = new Map(details.map((detail) => [detail.id, detail]));
    return rows.map((row) => {
      const detail = byId.get(row.notification_id)!;
      return {
        id: row.id,
        notificationId: row.notification_id,
        channel: row.channel,
        dedupeKey: row.dedupe_key,
        attempts: row.attempts,
        kind: detail.kind,
        payload: detail.payload,
        caseId: detail.case_id,
        enterpriseName: detail.enterprise_name,
        sealedEmail: detail.email,
        sealedMobile: detail.mobile,
        locale: detail.locale,
      };
    });
  }

  /** Records the outcome of the claim `attempts` (a claim that lost its lease to another relay records nothing). */
  async finish(delivery: ClaimedDelivery, outcome: { status: 'SENT' | 'SKIPPED'; providerRef?: string; note?: string } | { status: 'PENDING'; retryInMs: number; error: string } | { status: 'DEAD'; error: string }): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(await this.dataSource.query(
      `UPDATE notification_deliveries SET status = $3, lease_until = NULL, updated_at = now(),
              sent_at = CASE WHEN $3 = 'SENT' THEN now() ELSE sent_at END,
              provider_ref = COALESCE($4, provider_ref),
              last_error = CASE WHEN $3 = 'SENT' THEN NULL ELSE COALESCE($5, last_error) END,
              next_attempt_at = CASE WHEN $3 = 'PENDING' THEN now() + make_interval(secs => $6::double precision / 1000) ELSE next_attempt_at END
        WHERE id = $1 AND status = 'SENDING' AND attempts = $2 RETURNING id`,
      [
        delivery.id,
        delivery.attempts,
        outcome.status,
        outcome.status === 'SENT' ? (outcome.providerRef ?? null) : null,
        'error' in outcome ? outcome.error : 'note' in outcome ? (outcome.note ?? null) : null,
        outcome.status === 'PENDING' ? outcome.retryInMs : 0,
      ],
    ));
    if (rows.length && (outcome.status === 'SENT' || outcome.status === 'SKIPPED')) {
      // The notification counts as sent once none of its channels is still on its way.
      await this.dataSource.query(
        `UPDATE notifications SET sent_at = now() WHERE id = $1 AND sent_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM notification_deliveries WHERE notification_id = $1 AND status NOT IN ('SENT', 'SKIPPED'))`,
        [delivery.notificationId],
      );
    }
    return rows.length > 0;
  }
}
