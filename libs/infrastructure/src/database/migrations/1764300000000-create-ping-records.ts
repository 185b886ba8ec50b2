import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePingRecords1764300000000 implements MigrationInterface {
  name = 'CreatePingRecords1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ping_records" (
        "workflow_id" text PRIMARY KEY,
        "message" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ping_records"`);
  }
}
