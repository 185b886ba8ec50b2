import { MigrationInterface, QueryRunner } from 'typeorm';

// Fixed-window request counters shared by every API replica: one row per key (scope, kind and a hash
// of the IP, username or user id — never the value itself), bumped by a single UPSERT.
export class AddRateLimitCounters1764700000000 implements MigrationInterface {
  name = 'AddRateLimitCounters1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rate_limit_counters" (
        "key" text PRIMARY KEY,
        "window_start" timestamptz NOT NULL,
        "hits" integer NOT NULL
      )`);
    // The default privileges of the add-supervision migration cover new tables; said again so this one stands alone.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'onetrip_api') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limit_counters" TO onetrip_api;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counters"`);
  }
}
