import { MigrationInterface, QueryRunner } from 'typeorm';

// Notice periods (公示期, steps of kind public-notice) and the objections raised to them. `public_notices`
// is what the public list shows: the subject by name and code only, never a person; one row per notice
// step's task, written by the worker (idempotent by task id). `notice_objections` holds each objection once
// per (objector, client key), so a retried request is the same objection; `task_id` is the objection
// step's task the workflow answered (objections raised while one is open share it).
export class AddPublicNotices1765100000000 implements MigrationInterface {
  name = 'AddPublicNotices1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "public_notices" (
        "task_id" text PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "step_id" text NOT NULL,
        "subject_name" text NOT NULL,
        "subject_code" text NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "closed_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "public_notices_open_idx" ON "public_notices" ("ends_at") WHERE "closed_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "public_notices_case_idx" ON "public_notices" ("case_id")`);
    await queryRunner.query(`
      CREATE TABLE "notice_objections" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "raised_by_id" uuid NOT NULL REFERENCES "users"("id"),
        "client_key" text NOT NULL,
        "reason" text NOT NULL,
        "notice_step_id" text,
        "task_id" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "notice_objections_client_key_unique" UNIQUE ("raised_by_id", "client_key")
      )`);
    await queryRunner.query(`CREATE INDEX "notice_objections_case_idx" ON "notice_objections" ("case_id", "created_at")`);
    // The API lists notices and records objections as onetrip_api (see the supervision migration).
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'onetrip_api') THEN
          GRANT SELECT ON "public_notices" TO onetrip_api;
          GRANT SELECT, INSERT, UPDATE ON "notice_objections" TO onetrip_api;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notice_objections"`);
    await queryRunner.query(`DROP TABLE "public_notices"`);
  }
}
