import { MigrationInterface, QueryRunner } from 'typeorm';

// The departments' own systems (SYSTEM mode, docs/connectors.md): a task may be decided by the department's
// system, and the API remembers each signed callback's nonce for the signature window, so a replayed
// callback is refused (the primary key is the check: a second insert of the same nonce finds the row).
export class AddDepartmentSystems1765300000000 implements MigrationInterface {
  name = 'AddDepartmentSystems1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "tasks_mode_check"`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "tasks_mode_check" CHECK ("mode" IN ('MANUAL', 'AUTO', 'SYSTEM'))`);
    await queryRunner.query(`
      CREATE TABLE "connector_nonces" (
        "department" text NOT NULL,
        "nonce" text NOT NULL,
        "received_at" timestamptz NOT NULL,
        PRIMARY KEY ("department", "nonce")
      )`);
    await queryRunner.query(`CREATE INDEX "connector_nonces_received_idx" ON "connector_nonces" ("received_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connector_nonces"`);
    // Tasks a department's system decided keep their rows: shown as AUTO (no clerk decided them) under the older check.
    await queryRunner.query(`UPDATE "tasks" SET "mode" = 'AUTO' WHERE "mode" = 'SYSTEM'`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "tasks_mode_check"`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "tasks_mode_check" CHECK ("mode" IN ('MANUAL', 'AUTO'))`);
  }
}
