import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface DeliveryRow {
  id: string;
  notification_id: string;
  case_id: string;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  next_attempt_at: Date;
}

const COLUMNS = `d.id, d.notification_id, n.case_id, n.kind, d.channel, d.status, d.attempts, d.last_error, d.created_at, d.updated_at, d.next_attempt_at`;
const updatedRows = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];

/** The SQL of the admins' view of deliveries: listing by status, and sending a dead letter again. */
@Injectable()
export class NotificationDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(status: string, limit: number, offset: number): Promise<{ rows: DeliveryRow[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`SELECT ${COLUMNS} FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.status = $1 ORDER BY d.id DESC LIMIT $2 OFFSET $3`, [status, limit, offset]) as Promise<DeliveryRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM notification_deliveries WHERE status = $1`, [status]) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count.total };
  }

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<DeliveryRow | undefined> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.id = $1`, [id])) as DeliveryRow[];
    return row;
  }

  /** A dead letter (or a skipped channel: the address may be there now) back in the queue with a fresh count of attempts; false when it is neither. */
  async requeue(manager: EntityManager, id: string): Promise<boolean> {
    const updated = updatedRows<{ id: string }>(
      await manager.query(`UPDATE notification_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = now(), updated_at = now() WHERE id = $1 AND status IN ('DEAD', 'SKIPPED') RETURNING id`, [id]),
    );
    return updated.length > 0;
  }
}
