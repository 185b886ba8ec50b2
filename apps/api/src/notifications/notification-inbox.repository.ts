import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface InboxRow {
  id: string;
  case_id: string;
  kind: string;
  // Null for a process whose form names no enterprise.
  enterprise_name: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

// TypeORM answers an UPDATE … RETURNING as [rows, count].
const updatedRows = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];

/** The SQL of an applicant's in-app notices: those whose in-app delivery the relay made. */
@Injectable()
export class NotificationInboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(recipientId: string, limit: number, offset: number): Promise<{ rows: InboxRow[]; total: number; unread: number }> {
    const visible = `FROM notifications n JOIN cases c ON c.id = n.case_id
       WHERE n.recipient_id = $1 AND EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id AND d.channel = 'IN_APP' AND d.status = 'SENT')`;
    const [rows, [counts]] = await Promise.all([
      this.dataSource.query(`SELECT n.id, n.case_id, n.kind, c.enterprise_name, n.payload, n.created_at, n.read_at ${visible} ORDER BY n.id DESC LIMIT $2 OFFSET $3`, [recipientId, limit, offset]) as Promise<InboxRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread ${visible}`, [recipientId]) as Promise<{ total: number; unread: number }[]>,
    ]);
    return { rows, total: counts.total, unread: counts.unread };
  }

  /** Marks one read (the first time only: a retried request keeps the first time); undefined when not the recipient's. */
  async markRead(recipientId: string, id: string): Promise<InboxRow | undefined> {
    const updated = updatedRows<{ id: string }>(
      await this.dataSource.query(`UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING id`, [id, recipientId]),
    );
    if (!updated.length) return undefined;
    const [row] = (await this.dataSource.query(
      `SELECT n.id, n.case_id, n.kind, c.enterprise_name, n.payload, n.created_at, n.read_at FROM notifications n JOIN cases c ON c.id = n.case_id WHERE n.id = $1`,
      [id],
    )) as InboxRow[];
    return row;
  }

  async contact(userId: string): Promise<{ email: string | null; locale: 'zh' | 'en' } | undefined> {
    const [row] = (await this.dataSource.query(`SELECT email, locale FROM users WHERE id = $1`, [userId])) as { email: string | null; locale: 'zh' | 'en' }[];
    return row;
  }

  async setContact(userId: string, sealedEmail: string | null, locale: 'zh' | 'en'): Promise<void> {
    await this.dataSource.query(`UPDATE users SET email = $2, locale = $3 WHERE id = $1`, [userId, sealedEmail, locale]);
  }
}
