import { MigrationInterface, QueryRunner } from 'typeorm';

// Notifications that arrive (issue 14): one delivery row per notification and channel, its dedupe key
// unique, so the relay sends each at least once and a receiver can drop a repeat by the key. An
// applicant's e-mail (sealed like the mobile) and language choose the address and template; read_at
// is the in-app list's unread mark.
export class AddNotificationDeliveries1765310000000 implements MigrationInterface {
  name = 'AddNotificationDeliveries1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "email" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "locale" text NOT NULL DEFAULT 'zh' CHECK ("locale" IN ('zh', 'en'))`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD COLUMN "read_at" timestamptz`);
    // planned_at: the relay has written this notification's delivery rows (one per configured channel).
    await queryRunner.query(`ALTER TABLE "notifications" ADD COLUMN "planned_at" timestamptz`);
    await queryRunner.query(`CREATE INDEX "notifications_unplanned_idx" ON "notifications" ("id") WHERE "planned_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "notifications_recipient_idx" ON "notifications" ("recipient_id", "id")`);
    await queryRunner.query(`
      CREATE TABLE "notification_deliveries" (
        "id" bigserial PRIMARY KEY,
        "notification_id" bigint NOT NULL REFERENCES "notifications"("id"),
        "channel" text NOT NULL CHECK ("channel" IN ('IN_APP', 'EMAIL', 'SMS')),
        "dedupe_key" text NOT NULL UNIQUE,
        "status" text NOT NULL CHECK ("status" IN ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'DEAD')),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "lease_until" timestamptz,
        "last_error" text,
        "provider_ref" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        UNIQUE ("notification_id", "channel")
      )`);
    await queryRunner.query(`CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" ("next_attempt_at") WHERE "status" IN ('PENDING', 'SENDING')`);
    await queryRunner.query(`CREATE INDEX "notification_deliveries_dead_idx" ON "notification_deliveries" ("id") WHERE "status" = 'DEAD'`);
    // Notifications from before were shown on no screen and sent nowhere: they enter the in-app list as
    // delivered, and are not mailed or texted now (old news sent late would mislead).
    await queryRunner.query(`
      INSERT INTO "notification_deliveries" ("notification_id", "channel", "dedupe_key", "status", "sent_at")
      SELECT "id", 'IN_APP', "dedupe_key" || '/IN_APP', 'SENT', now() FROM "notifications"`);
    await queryRunner.query(`UPDATE "notifications" SET "planned_at" = now()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP INDEX "notifications_recipient_idx"`);
    await queryRunner.query(`DROP INDEX "notifications_unplanned_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "planned_at"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "read_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);
  }
}
