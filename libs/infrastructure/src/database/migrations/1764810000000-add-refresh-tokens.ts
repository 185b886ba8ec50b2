import { MigrationInterface, QueryRunner } from 'typeorm';

// Refresh tokens, stored as a SHA-256 of their secret part (never the token). Each sign-in starts a family;
// a refresh uses its token once and adds the next one to the family; a token used twice (stolen and
// replayed) revokes the whole family, and so does signing out.
export class AddRefreshTokens1764810000000 implements MigrationInterface {
  name = 'AddRefreshTokens1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid PRIMARY KEY,
        "family_id" uuid NOT NULL,
        "user_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "token_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_family" ON "refresh_tokens" ("family_id")`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_expires" ON "refresh_tokens" ("expires_at")`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'onetrip_api') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON "refresh_tokens" TO onetrip_api;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
  }
}
