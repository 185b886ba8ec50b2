import type { DataSource } from 'typeorm';
import { definitionChecksum } from '@onetrip/domain/engine/definition-checksum';
import { validateDefinition } from '@onetrip/domain/engine/definition-validator';
import type { ProcessDefinition } from '@onetrip/domain/engine/process-definition';
import { SHIPPED_DEFINITIONS } from '@onetrip/domain/processes/shipped-definitions';
import { STEP_KIND_KEYS } from '@onetrip/domain/step-kinds/step-kind-registry';

export type ShippedDefinitionResult =
  | { key: string; version: number; outcome: 'INSERTED_ACTIVE' | 'INSERTED_DRAFT' | 'PRESENT' }
  /** The stored body of this key+version is another document: the stored one stays (versions never change). */
  | { key: string; version: number; outcome: 'STORED_DIFFERS'; storedChecksum: string; shippedChecksum: string };

/**
 * Loads the definitions shipped with the code (the enterprise opening, …) into `process_definitions`
 * when missing: ACTIVE when the key has no ACTIVE version yet, else DRAFT for an admin to activate.
 * The API and the worker both call it at start, maybe at the same moment: every insert is
 * ON CONFLICT DO NOTHING, and the one-ACTIVE-per-key index decides a race for ACTIVE.
 */
export async function ensureShippedDefinitions(
  dataSource: DataSource,
  definitions: readonly ProcessDefinition[] = SHIPPED_DEFINITIONS,
): Promise<ShippedDefinitionResult[]> {
  const results: ShippedDefinitionResult[] = [];
  for (const shipped of definitions) {
    const { definition, problems } = validateDefinition(shipped, STEP_KIND_KEYS);
    // A shipped definition is code: an invalid one is a bug to stop on, not data to store.
    if (!definition) throw new Error(`shipped definition ${shipped.key} v${shipped.version} is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    const checksum = definitionChecksum(definition);
    const { key, version } = definition;
    const insert = (status: 'ACTIVE' | 'DRAFT') =>
      dataSource.query(
        `INSERT INTO process_definitions (key, version, status, body, checksum, activated_at)
         SELECT $1, $2, $3, $4, $5, CASE WHEN $3 = 'ACTIVE' THEN now() END
         WHERE $3 = 'DRAFT' OR NOT EXISTS (SELECT 1 FROM process_definitions WHERE key = $1 AND status = 'ACTIVE')
         ON CONFLICT DO NOTHING RETURNING status`,
        [key, version, status, JSON.stringify(definition), checksum],
      ) as Promise<{ status: string }[]>;
    // Lost a race for ACTIVE (another process activated this or another version of the key meanwhile):
    // the version is still stored, as a draft, unless it is there already.
    if ((await insert('ACTIVE')).length) results.push({ key, version, outcome: 'INSERTED_ACTIVE' });
    else if ((await insert('DRAFT')).length) results.push({ key, version, outcome: 'INSERTED_DRAFT' });
    else {
      const [stored] = (await dataSource.query(`SELECT checksum FROM process_definitions WHERE key = $1 AND version = $2`, [key, version])) as { checksum: string }[];
      results.push(stored.checksum === checksum ? { key, version, outcome: 'PRESENT' } : { key, version, outcome: 'STORED_DIFFERS', storedChecksum: stored.checksum, shippedChecksum: checksum });
    }
  }
  return results;
}
