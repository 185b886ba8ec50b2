import { MigrationInterface, QueryRunner } from 'typeorm';

// The engine: processes are versioned documents (DRAFT → ACTIVE → RETIRED, one ACTIVE per key), a case
// pins the version it was filed under, a task belongs to a step (two steps may share a department), and
// departments are data, so the fixed list of department codes leaves the schema. Cases and tasks from
// before are the enterprise opening's version 1, whose step ids are the department codes.
export class AddProcessDefinitions1764900000000 implements MigrationInterface {
  name = 'AddProcessDefinitions1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "process_definitions" (
        "key" text NOT NULL,
        "version" integer NOT NULL CHECK ("version" > 0),
        "status" text NOT NULL CHECK ("status" IN ('DRAFT', 'ACTIVE', 'RETIRED')),
        "body" jsonb NOT NULL,
        "checksum" text NOT NULL,
        "created_by_id" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "activated_at" timestamptz,
        "retired_at" timestamptz,
        PRIMARY KEY ("key", "version")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "process_definitions_one_active_idx" ON "process_definitions" ("key") WHERE "status" = 'ACTIVE'`);

    await queryRunner.query(`ALTER TABLE "cases" ADD COLUMN "process_key" text NOT NULL DEFAULT 'enterprise-opening'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD COLUMN "process_version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "process_key" DROP DEFAULT, ALTER COLUMN "process_version" DROP DEFAULT`);
    // Only the enterprise processes name an enterprise.
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "enterprise_name" DROP NOT NULL`);

    await queryRunner.query(`ALTER TABLE "tasks" ADD COLUMN "step_id" text`);
    await queryRunner.query(`UPDATE "tasks" SET "step_id" = "department"`);
    await queryRunner.query(`ALTER TABLE "tasks" ALTER COLUMN "step_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "tasks_case_id_department_round_key"`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "tasks_case_id_step_id_round_key" UNIQUE ("case_id", "step_id", "round")`);

    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_department_check"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_department_check" CHECK ("department" IN ('SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'))`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "tasks_case_id_step_id_round_key"`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "tasks_case_id_department_round_key" UNIQUE ("case_id", "department", "round")`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "step_id"`);
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "enterprise_name" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "process_version"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "process_key"`);
    await queryRunner.query(`DROP TABLE "process_definitions"`);
  }
}
