import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A complaint with the usernames of who raised and who resolved it. */
export interface ComplaintRow {
  id: string;
  case_id: string;
  text: string;
  status: 'OPEN' | 'RESOLVED';
  opened_at: Date;
  raised_by: string | null;
  resolution: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
}

const SELECT = `SELECT k.id, k.case_id, k.text, k.status, k.opened_at, r.username AS raised_by, k.resolution, k.resolved_at, s.username AS resolved_by
  FROM complaints k LEFT JOIN users r ON r.id = k.raised_by_id LEFT JOIN users s ON s.id = k.resolved_by_id`;

/** The SQL of `complaints` ("can't get it done", 办不好件); writes take the caller's transaction. */
@Injectable()
export class ComplaintsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The same person's open complaint on the case with the same words (a retried request), if any. */
  async openDuplicate(caseId: string, raisedById: string, text: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT id FROM complaints WHERE case_id = $1 AND raised_by_id = $2 AND text = $3 AND status = 'OPEN'`, [caseId, raisedById, text])) as { id: string }[];
    return row?.id;
  }

  async countOpenBy(manager: EntityManager, caseId: string, raisedById: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM complaints WHERE case_id = $1 AND raised_by_id = $2 AND status = 'OPEN'`, [caseId, raisedById])) as { n: number }[];
    return row.n;
  }

  async insert(manager: EntityManager, complaint: { id: string; caseId: string; raisedById: string; text: string }): Promise<void> {
    await manager.query(`INSERT INTO complaints (id, case_id, raised_by_id, text, status) VALUES ($1, $2, $3, $4, 'OPEN')`, [complaint.id, complaint.caseId, complaint.raisedById, complaint.text]);
  }

  async forCase(caseId: string): Promise<ComplaintRow[]> {
    return (await this.dataSource.query(`${SELECT} WHERE k.case_id = $1 ORDER BY k.opened_at`, [caseId])) as ComplaintRow[];
  }

  /** The latest few on a case, and how many it has. */
  async latestForCase(caseId: string, latest: number): Promise<{ rows: ComplaintRow[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`${SELECT} WHERE k.case_id = $1 ORDER BY k.opened_at DESC, k.id DESC LIMIT $2`, [caseId, latest]) as Promise<ComplaintRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM complaints WHERE case_id = $1`, [caseId]) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count.total };
  }

  /** A page of complaints, oldest first, by status and case when given. */
  async page(filter: { status: string | null; caseId: string | null; limit: number; offset: number }): Promise<{ rows: ComplaintRow[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`${SELECT} WHERE ($1::text IS NULL OR k.status = $1) AND ($4::uuid IS NULL OR k.case_id = $4::uuid) ORDER BY k.opened_at, k.id LIMIT $2 OFFSET $3`, [
        filter.status,
        filter.limit,
        filter.offset,
        filter.caseId,
      ]) as Promise<ComplaintRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM complaints WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR case_id = $2::uuid)`, [
        filter.status,
        filter.caseId,
      ]) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count.total };
  }

  /** Resolves an open complaint; undefined when it is not open (resolved already, or no such id). */
  async resolve(manager: EntityManager, id: string, resolution: string, resolvedById: string): Promise<{ case_id: string; raised_by_id: string } | undefined> {
    const [rows] = (await manager.query(
      `UPDATE complaints SET status = 'RESOLVED', resolution = $2, resolved_by_id = $3, resolved_at = now()
       WHERE id = $1::uuid AND status = 'OPEN' RETURNING case_id, raised_by_id`,
      [id, resolution, resolvedById],
    )) as [{ case_id: string; raised_by_id: string }[], number];
    return rows[0];
  }

  async find(id: string): Promise<ComplaintRow | undefined> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE k.id = $1`, [id])) as ComplaintRow[];
    return row;
  }
}
