import { MigrationInterface, QueryRunner } from 'typeorm';

// What a correction replaced: path → the value before it, as stored (personal data stays sealed), so a
// department reviewing the next round sees old → new for the fields the applicant corrected. Null for
// corrections applied before this column.
export class AddCorrectionPreviousValues1765330000000 implements MigrationInterface {
  name = 'AddCorrectionPreviousValues1765330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "corrections" ADD COLUMN "previous_values" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "corrections" DROP COLUMN "previous_values"`);
  }
}
