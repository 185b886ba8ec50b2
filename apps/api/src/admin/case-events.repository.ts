import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface CaseEventRow {
  at: Date;
  event: string;
  step_id: string | null;
  department: string | null;
  round: number | null;
  details: Record<string, unknown>;
  /** The actor's username; null for the system (an automatic step, a timer) or an account that is gone. */
  username: string | null;
}

/** The reads of `case_events`: the case's story as the worker wrote it (its one writer is PostgresCaseStore). */
@Injectable()
export class CaseEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A case's events, oldest first, in the order they were written when two share a time. */
  async ofCase(caseId: string): Promise<CaseEventRow[]> {
    return (await this.dataSource.query(
      `SELECT e.at, e.event, e.step_id, e.department, e.round, e.details, u.username
       FROM case_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = $1 ORDER BY e.at, e.id`,
      [caseId],
    )) as CaseEventRow[];
  }
}
