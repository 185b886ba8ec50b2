import { MigrationInterface, QueryRunner } from 'typeorm';

// Supervision (督查): complaints ("can't get it done", 办不好件), failing steps as the worker sees
// them, simulated department outages, indexes for the stuck-case listing, and an audit log that
// nobody can rewrite — plus a restricted role for the API.
export class AddSupervision1764600000000 implements MigrationInterface {
  name = 'AddSupervision1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "complaints" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "raised_by_id" uuid NOT NULL REFERENCES "users"("id"),
        "text" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('OPEN', 'RESOLVED')),
        "opened_at" timestamptz NOT NULL DEFAULT now(),
        "resolved_by_id" uuid REFERENCES "users"("id"),
        "resolution" text,
        "resolved_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "complaints_case_idx" ON "complaints" ("case_id", "opened_at")`);
    await queryRunner.query(`CREATE INDEX "complaints_open_idx" ON "complaints" ("opened_at") WHERE "status" = 'OPEN'`);
    await queryRunner.query(`CREATE INDEX "complaints_opened_at_idx" ON "complaints" ("opened_at")`);

    // Written by the worker on every failed activity attempt, cleared when the step succeeds; the
    // admin's case view reads the live details from Temporal's pending activities.
    await queryRunner.query(`
      CREATE TABLE "step_failures" (
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "department" text NOT NULL,
        "activity" text NOT NULL,
        "attempts" integer NOT NULL,
        "last_error" text NOT NULL,
        "first_failed_at" timestamptz NOT NULL,
        "last_failed_at" timestamptz NOT NULL,
        PRIMARY KEY ("case_id", "department")
      )`);
    await queryRunner.query(`CREATE INDEX "step_failures_since_idx" ON "step_failures" ("first_failed_at")`);

    // The departments' systems are simulated here; an outage makes their AUTO adapter fail until it
    // is cleared, for every case ('*') or for one case id (a record the department's system chokes on).
    await queryRunner.query(`
      CREATE TABLE "department_outages" (
        "department" text NOT NULL,
        "scope" text NOT NULL DEFAULT '*',
        "message" text NOT NULL,
        "since" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("department", "scope")
      )`);

    // The stuck-case listing reads each reason from its own index.
    await queryRunner.query(`CREATE INDEX "tasks_open_due_idx" ON "tasks" ("due_at") WHERE "status" IN ('OPEN', 'CLAIMED')`);
    await queryRunner.query(`CREATE INDEX "tasks_case_idx" ON "tasks" ("case_id", "department", "round")`);
    await queryRunner.query(`CREATE INDEX "tasks_decided_at_idx" ON "tasks" ("decided_at") WHERE "decided_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "cases_awaiting_idx" ON "cases" ("awaiting_applicant_since") WHERE "status" = 'AWAITING_CORRECTION'`);
    await queryRunner.query(`CREATE INDEX "cases_live_progress_idx" ON "cases" ("last_progress_at") WHERE "status" IN ('SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION')`);
    await queryRunner.query(`CREATE INDEX "cases_submitted_at_idx" ON "cases" ("submitted_at")`);
    await queryRunner.query(`CREATE INDEX "cases_completed_at_idx" ON "cases" ("completed_at") WHERE "completed_at" IS NOT NULL`);

    // Append-only, whoever asks: even the owner's UPDATE, DELETE or TRUNCATE is refused.
    await queryRunner.query(`
      CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`);

    // The API's own role: it may read and write the case tables, only read and append the audit log,
    // and change no schema. Skipped where the migrating user may not create roles (the trigger still holds).
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'onetrip_api') THEN
          CREATE ROLE onetrip_api NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
        END IF;
        EXECUTE format('GRANT onetrip_api TO %I', current_user);
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO onetrip_api', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO onetrip_api', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO onetrip_api', current_schema());
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM onetrip_api;
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO onetrip_api', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO onetrip_api', current_schema());
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'onetrip_api role not created: %', SQLERRM;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_no_truncate" ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER "audit_log_no_update" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_append_only"()`);
    for (const index of ['cases_completed_at_idx', 'cases_submitted_at_idx', 'cases_live_progress_idx', 'cases_awaiting_idx', 'tasks_decided_at_idx', 'tasks_case_idx', 'tasks_open_due_idx']) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    await queryRunner.query(`DROP TABLE "department_outages"`);
    await queryRunner.query(`DROP TABLE "step_failures"`);
    await queryRunner.query(`DROP TABLE "complaints"`);
  }
}
