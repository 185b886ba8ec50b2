import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The reads of `registered_names` (written by the enterprise register when a case completes). */
@Injectable()
export class RegisteredNamesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether any of `names`, or the folded form, is registered by a case other than `exceptCaseId`. */
  async isTaken(names: readonly string[], foldedName: string, exceptCaseId: string | null): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM registered_names WHERE (name = ANY($1) OR folded_name = $3) AND ($2::uuid IS NULL OR case_id IS DISTINCT FROM $2::uuid) LIMIT 1`,
      [names, exceptCaseId, foldedName],
    )) as unknown[];
    return rows.length > 0;
  }
}
