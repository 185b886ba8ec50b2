import { DataSource } from 'typeorm';

/** Which steps are failing right now, as the worker sees them: the fast index behind STEP_FAILING. */
export class StepFailureStore {
  constructor(private readonly dataSource: DataSource) {}

  async recordFailure(failure: { caseId: string; department: string; activity: string; attempt: number; error: string; at: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO step_failures (case_id, department, activity, attempts, last_error, first_failed_at, last_failed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (case_id, department) DO UPDATE SET activity = EXCLUDED.activity, attempts = EXCLUDED.attempts,
         last_error = EXCLUDED.last_error, last_failed_at = EXCLUDED.last_failed_at`,
      [failure.caseId, failure.department, failure.activity, failure.attempt, failure.error, failure.at],
    );
  }

  async clear(caseId: string, department: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM step_failures WHERE case_id = $1 AND department = $2`, [caseId, department]);
  }
}
