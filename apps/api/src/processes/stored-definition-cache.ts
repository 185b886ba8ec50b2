import type { ProcessDefinition } from '@onetrip/domain/engine/process-definition';

// Framework-free (unit-testable): the service hands in how to load one version.

/** One stored version, as the engine uses it: the body never changes once stored. */
export interface StoredProcessDefinition {
  key: string;
  version: number;
  checksum: string;
  definition: ProcessDefinition;
}

/**
 * Stored versions by key and version, each loaded once: a stored version is immutable, so a cached one is
 * never stale. Concurrent first reads share one load; a failed load is not kept. The bound only keeps memory in check.
 */
export class StoredDefinitionCache {
  private readonly entries = new Map<string, Promise<StoredProcessDefinition | null>>();

  constructor(
    private readonly load: (key: string, version: number) => Promise<StoredProcessDefinition | null>,
    private readonly maxEntries = 500,
  ) {}

  async get(key: string, version: number): Promise<StoredProcessDefinition | null> {
    const id = `${key}@${version}`;
    const cached = this.entries.get(id);
    if (cached) return cached;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const loading = this.load(key, version);
    this.entries.set(id, loading);
    try {
      const stored = await loading;
      // Not there (yet): asked again next time, since an upload may store it.
      if (!stored) this.entries.delete(id);
      return stored;
    } catch (error) {
      this.entries.delete(id);
      throw error;
    }
  }
}
