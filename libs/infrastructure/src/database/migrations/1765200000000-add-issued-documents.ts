import { MigrationInterface, QueryRunner } from 'typeorm';

// Documents that verify: each issued completion notice or correction notice, once per case, kind and
// version (the unique key makes issuing idempotent). The content (canonical JSON, sealed with the
// personal-data key ring: it holds clerks' reasons and account numbers) is what was signed; the hash,
// signature and key id let the public verify route check it. A status other than VALID is set by the
// processes that end a document's life (supersede, revoke).
export class AddIssuedDocuments1765200000000 implements MigrationInterface {
  name = 'AddIssuedDocuments1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "issued_documents" (
        "code" text PRIMARY KEY,
        "kind" text NOT NULL CHECK ("kind" IN ('OUTCOME', 'CORRECTION_NOTICE')),
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "version" integer NOT NULL CHECK ("version" > 0),
        "content" text NOT NULL,
        "content_hash" text NOT NULL,
        "signature" text NOT NULL,
        "key_id" text NOT NULL,
        "enterprise_uscc" text,
        "status" text NOT NULL DEFAULT 'VALID' CHECK ("status" IN ('VALID', 'SUPERSEDED', 'REVOKED')),
        "status_reason" text,
        "superseded_by" text,
        "status_changed_at" timestamptz,
        "issued_at" timestamptz NOT NULL,
        UNIQUE ("case_id", "kind", "version")
      )`);
    await queryRunner.query(`CREATE INDEX "issued_documents_uscc_idx" ON "issued_documents" ("enterprise_uscc") WHERE "enterprise_uscc" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "issued_documents"`);
  }
}
