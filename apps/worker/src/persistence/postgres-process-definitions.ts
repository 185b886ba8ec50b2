import { DataSource } from 'typeorm';
import type { ProcessDefinition } from '@onetrip/domain/engine/process-definition';
import type { ProcessDefinitions } from '@onetrip/workflows';

/**
 * Process definitions from PostgreSQL, each read once: a stored (key, version) never changes (a new body is a
 * new version), so the cache needs no expiry. Concurrent first reads share one query.
 */
export class PostgresProcessDefinitions implements ProcessDefinitions {
  private readonly cache = new Map<string, Promise<ProcessDefinition>>();

  constructor(private readonly dataSource: DataSource) {}

  get(key: string, version: number): Promise<ProcessDefinition> {
    const id = `${key}@${version}`;
    let found = this.cache.get(id);
    if (!found) {
      found = this.load(key, version);
      this.cache.set(id, found);
      // A failed read (database down, row missing) is not kept: the activity's retry reads again.
      found.catch(() => this.cache.delete(id));
    }
    return found;
  }

  private async load(key: string, version: number): Promise<ProcessDefinition> {
    const [row] = (await this.dataSource.query(`SELECT body FROM process_definitions WHERE key = $1 AND version = $2`, [key, version])) as { body: ProcessDefinition }[];
    if (!row) throw new Error(`process definition ${key} v${version} is not stored`);
    return row.body;
  }
}
