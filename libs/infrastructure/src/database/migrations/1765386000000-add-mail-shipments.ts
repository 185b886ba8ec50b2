import { MigrationInterface, QueryRunner } from 'typeorm';

// 政务专递 through the postal service's system (issue 17): one shipment per case, with the item number the postal
// system issued (S10). The case's outcome carries the same number for the pages; this row is the record and the
// one-per-case guard.
export class AddMailShipments1765386000000 implements MigrationInterface {
  name = 'AddMailShipments1765386000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mail_shipments" (
        "case_id" uuid PRIMARY KEY REFERENCES "cases"("id"),
        "tracking_number" text NOT NULL UNIQUE CHECK ("tracking_number" ~ '^[A-Z]{2}[0-9]{9}[A-Z]{2}$'),
        "shipped_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mail_shipments"`);
  }
}
