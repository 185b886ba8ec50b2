import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The SQL of `notifications` the API writes: each at most once per dedupe key (a retried request adds none). */
@Injectable()
export class NotificationsRepository {
  /** True when this call wrote it (false: one with this dedupe key was there already). */
  async insertOnce(manager: EntityManager, notification: { dedupeKey: string; caseId: string; recipientId: string; kind: string; payload: Record<string, unknown> }): Promise<boolean> {
    const inserted = (await manager.query(`INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`, [
      notification.dedupeKey,
      notification.caseId,
      notification.recipientId,
      notification.kind,
      JSON.stringify(notification.payload),
    ])) as unknown[];
    return inserted.length === 1;
  }
}
