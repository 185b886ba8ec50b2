import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CorrectionEntity } from '@onetrip/infrastructure';

/** The `corrections` table as the API writes it: the applicant's changes (sealed), PENDING until the worker applies them. */
@Injectable()
export class CorrectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, values: { id: string; caseId: string; round: number; changes: Record<string, unknown>; submittedById: string }): Promise<void> {
    await manager.query(`INSERT INTO corrections (id, case_id, round, changes, submitted_by_id, status) VALUES ($1, $2, $3, $4, $5, 'PENDING')`, [
      values.id,
      values.caseId,
      values.round,
      JSON.stringify(values.changes),
      values.submittedById,
    ]);
  }

  /** The workflow refused it: it is kept, marked, and never applied. */
  async refuse(id: string): Promise<void> {
    await this.dataSource.manager.update(CorrectionEntity, { id, status: 'PENDING' }, { status: 'REFUSED' });
  }
}
