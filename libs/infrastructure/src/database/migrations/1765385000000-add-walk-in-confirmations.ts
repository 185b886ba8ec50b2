import { MigrationInterface, QueryRunner } from 'typeorm';

// Walk-in accounts confirmed by a code texted to the mobile (issue 17, item 10): one row per account the
// window opened, holding its current code as a keyed hash (never the code), which code it is (`serial`, in
// the SMS dedupe key), its expiry, the wrong tries, when the provider took it (the resend cooldown) and the
// confirmation. An account with a row and no confirmed_at is PENDING; accounts without a row (registered by
// the applicant, or opened before this) are as they were.
export class AddWalkInConfirmations1765385000000 implements MigrationInterface {
  name = 'AddWalkInConfirmations1765385000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "walk_in_confirmations" (
        "user_id" uuid PRIMARY KEY REFERENCES "users"("id") ON DELETE CASCADE,
        "serial" integer NOT NULL CHECK ("serial" >= 1),
        "code_hash" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0 CHECK ("attempts" >= 0),
        "sent_at" timestamptz,
        "confirmed_at" timestamptz,
        "confirmed_by_id" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("confirmed_at" IS NULL) = ("confirmed_by_id" IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "walk_in_confirmations"`);
  }
}
