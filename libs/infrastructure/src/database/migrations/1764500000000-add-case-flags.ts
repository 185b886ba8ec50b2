import { MigrationInterface, QueryRunner } from 'typeorm';

// Flags on a case's form: not reasons to refuse, but things a clerk should look at (e.g. an entity
// shareholder's USCC failing its check). Codes and paths only, no personal data.
export class AddCaseFlags1764500000000 implements MigrationInterface {
  name = 'AddCaseFlags1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD COLUMN "flags" jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "flags"`);
  }
}
