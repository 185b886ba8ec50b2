import { MigrationInterface, QueryRunner } from 'typeorm';

// A case's story, kept as long as the case (Temporal forgets a closed workflow's history after the namespace's
// retention): each step's opening and decision, reminders, escalations, correction notices and corrections, the
// outcome and the end, written by the worker's activities in the same statement or transaction as the read model.
// `key` names the fact once (e.g. `<task>:DECIDED`), so a retried activity inserts nothing twice.
// Codes, ids, field paths and reasons only: personal data stays in the sealed form.
export class AddCaseEvents1765320000000 implements MigrationInterface {
  name = 'AddCaseEvents1765320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_events" (
        "id" bigserial PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "key" text NOT NULL UNIQUE,
        "at" timestamptz NOT NULL,
        "event" text NOT NULL,
        "step_id" text,
        "department" text,
        "task_id" text,
        "round" integer,
        "actor_id" uuid REFERENCES "users"("id"),
        "details" jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX "case_events_case_idx" ON "case_events" ("case_id", "at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_events"`);
  }
}
