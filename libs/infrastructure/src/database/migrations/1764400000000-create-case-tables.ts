import { MigrationInterface, QueryRunner } from 'typeorm';

// The joint-window case: users, cases (the form and the read model of its progress), department
// tasks (the clerks' inbox), idempotency keys, the notification outbox, registered names and the audit log.
export class CreateCaseTables1764400000000 implements MigrationInterface {
  name = 'CreateCaseTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid PRIMARY KEY,
        "username" text NOT NULL UNIQUE,
        "password_hash" text NOT NULL,
        "name" text NOT NULL,
        "mobile" text,
        "role" text NOT NULL CHECK ("role" IN ('APPLICANT', 'CLERK', 'WINDOW', 'ADMIN')),
        "department" text CHECK ("department" IN ('SAMR', 'PSB', 'TAX', 'HRSS', 'BANK')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("role" = 'CLERK') = ("department" IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE "cases" (
        "id" uuid PRIMARY KEY,
        "workflow_id" text NOT NULL UNIQUE,
        "applicant_id" uuid NOT NULL REFERENCES "users"("id"),
        "filed_by_id" uuid NOT NULL REFERENCES "users"("id"),
        "status" text NOT NULL,
        "form" jsonb NOT NULL,
        "form_version" integer NOT NULL DEFAULT 1,
        "enterprise_name" text NOT NULL,
        "policy" jsonb NOT NULL,
        "fees" jsonb NOT NULL,
        "correction_round" integer NOT NULL DEFAULT 0,
        "correction" jsonb,
        "outcome" jsonb,
        "uscc" text UNIQUE,
        "end_reason" text,
        "submitted_at" timestamptz NOT NULL,
        "completed_at" timestamptz,
        "ended_at" timestamptz,
        "awaiting_applicant_since" timestamptz,
        "last_progress_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "cases_applicant_idx" ON "cases" ("applicant_id", "submitted_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "cases_filed_by_idx" ON "cases" ("filed_by_id", "submitted_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "cases_status_idx" ON "cases" ("status", "last_progress_at")`);
    await queryRunner.query(`
      CREATE TABLE "tasks" (
        "id" text PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "department" text NOT NULL,
        "round" integer NOT NULL,
        "mode" text NOT NULL CHECK ("mode" IN ('MANUAL', 'AUTO')),
        "status" text NOT NULL CHECK ("status" IN ('OPEN', 'CLAIMED', 'RETURNED', 'DONE', 'REJECTED', 'CANCELLED')),
        "opened_at" timestamptz NOT NULL,
        "due_at" timestamptz NOT NULL,
        "reminded_at" timestamptz,
        "overdue_at" timestamptz,
        "escalated_at" timestamptz,
        "assigned_to_id" uuid REFERENCES "users"("id"),
        "claimed_by_id" uuid REFERENCES "users"("id"),
        "claimed_at" timestamptz,
        "decided_by_id" uuid REFERENCES "users"("id"),
        "decided_at" timestamptz,
        "outputs" jsonb,
        "return_items" jsonb,
        "reject_reason" text,
        UNIQUE ("case_id", "department", "round")
      )`);
    // The clerk's inbox: one department's tasks in one status, soonest due first.
    await queryRunner.query(`CREATE INDEX "tasks_inbox_idx" ON "tasks" ("department", "status", "due_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "owner_id" uuid NOT NULL REFERENCES "users"("id"),
        "key" text NOT NULL,
        "request_hash" text NOT NULL,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("owner_id", "key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "corrections" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "round" integer NOT NULL,
        "changes" jsonb NOT NULL,
        "submitted_by_id" uuid NOT NULL REFERENCES "users"("id"),
        "status" text NOT NULL CHECK ("status" IN ('PENDING', 'APPLIED', 'REFUSED')),
        "changed_paths" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "applied_at" timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "corrections_applied_once_idx" ON "corrections" ("case_id", "round") WHERE "status" = 'APPLIED'`);
    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" bigserial PRIMARY KEY,
        "dedupe_key" text NOT NULL UNIQUE,
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "recipient_id" uuid NOT NULL REFERENCES "users"("id"),
        "kind" text NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "notifications_case_idx" ON "notifications" ("case_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "registered_names" (
        "name" text PRIMARY KEY,
        "case_id" uuid REFERENCES "cases"("id"),
        "registered_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // Source of the organisation-code body of each USCC we issue: unique per enterprise.
    await queryRunner.query(`CREATE SEQUENCE "enterprise_sequence" START 1000`);
    await queryRunner.query(`
      CREATE TABLE "audit_log" (
        "id" bigserial PRIMARY KEY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid REFERENCES "users"("id"),
        "actor_role" text,
        "action" text NOT NULL,
        "case_id" uuid REFERENCES "cases"("id"),
        "task_id" text,
        "details" jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX "audit_log_case_idx" ON "audit_log" ("case_id", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'registered_names', 'notifications', 'corrections', 'idempotency_keys', 'tasks', 'cases', 'users']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE "enterprise_sequence"`);
  }
}
