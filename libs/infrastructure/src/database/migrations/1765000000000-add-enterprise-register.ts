import { MigrationInterface, QueryRunner } from 'typeorm';

// The register of enterprises (市场主体登记簿): one row per enterprise an opening created, and the cases of
// its life. `lifecycle_case_id` is the one change or deregistration in flight: filing sets it with the status
// (ACTIVE → CHANGING/DEREGISTERING) by a guarded UPDATE in the case's transaction, so two filings racing on
// one enterprise cannot both pass; the CHECK keeps the two columns in step. ID numbers and mobiles inside
// the JSON columns are sealed like a case's form (pd1:…). Openings completed before this migration are
// added by the worker at start (backfillEnterpriseRegister), with the same code as a new completion.
export class AddEnterpriseRegister1765000000000 implements MigrationInterface {
  name = 'AddEnterpriseRegister1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "enterprises" (
        "id" uuid PRIMARY KEY,
        "uscc" text NOT NULL UNIQUE,
        "name" text NOT NULL,
        "entity_type" text NOT NULL,
        "address" jsonb NOT NULL,
        "legal_representative" jsonb NOT NULL,
        "legal_representative_user_id" uuid REFERENCES "users"("id"),
        "registered_capital" text NOT NULL,
        "business_scope" jsonb NOT NULL,
        "shareholders" jsonb NOT NULL,
        "seals" jsonb NOT NULL,
        "taxpayer_id" text,
        "social_insurance_number" text,
        "bank_account" jsonb,
        "licence_number" text,
        "licence_edition" integer NOT NULL DEFAULT 1,
        "status" text NOT NULL CHECK ("status" IN ('ACTIVE', 'CHANGING', 'DEREGISTERING', 'DEREGISTERED')),
        "lifecycle_case_id" uuid UNIQUE REFERENCES "cases"("id"),
        "opened_by_case_id" uuid NOT NULL UNIQUE REFERENCES "cases"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "deregistered_at" timestamptz,
        CONSTRAINT "enterprises_in_flight_check" CHECK (("status" IN ('CHANGING', 'DEREGISTERING')) = ("lifecycle_case_id" IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "enterprises_legal_representative_user_idx" ON "enterprises" ("legal_representative_user_id")`);
    await queryRunner.query(`
      CREATE TABLE "enterprise_cases" (
        "enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
        "case_id" uuid NOT NULL UNIQUE REFERENCES "cases"("id"),
        "role" text NOT NULL CHECK ("role" IN ('OPENING', 'CHANGE', 'DEREGISTER')),
        "linked_at" timestamptz NOT NULL DEFAULT now(),
        "applied_at" timestamptz,
        "details" jsonb,
        PRIMARY KEY ("enterprise_id", "case_id")
      )`);
    await queryRunner.query(`CREATE INDEX "enterprise_cases_enterprise_idx" ON "enterprise_cases" ("enterprise_id", "linked_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enterprise_cases"`);
    await queryRunner.query(`DROP TABLE "enterprises"`);
  }
}
