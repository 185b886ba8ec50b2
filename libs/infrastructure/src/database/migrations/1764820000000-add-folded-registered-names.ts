import { MigrationInterface, QueryRunner } from 'typeorm';
import { foldEnterpriseName } from '@onetrip/domain';

// Names that differ only in traditional characters (網絡 / 网络) or full-width forms are one name: each
// registered name gets its folded form (foldEnterpriseName), unique, so the registration itself refuses
// the second. Rows from before are folded here; should two of them fold to one name (both licensed
// before this rule), the earlier keeps the folded form and the later keeps none (NULLs do not collide).
export class AddFoldedRegisteredNames1764820000000 implements MigrationInterface {
  name = 'AddFoldedRegisteredNames1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registered_names" ADD COLUMN "folded_name" text`);
    const rows = (await queryRunner.query(`SELECT name FROM registered_names ORDER BY registered_at, name`)) as { name: string }[];
    const seen = new Set<string>();
    for (const { name } of rows) {
      const folded = foldEnterpriseName(name);
      if (seen.has(folded)) continue;
      seen.add(folded);
      await queryRunner.query(`UPDATE registered_names SET folded_name = $2 WHERE name = $1`, [name, folded]);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "registered_names_folded_name_key" ON "registered_names" ("folded_name")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "registered_names_folded_name_key"`);
    await queryRunner.query(`ALTER TABLE "registered_names" DROP COLUMN "folded_name"`);
  }
}
