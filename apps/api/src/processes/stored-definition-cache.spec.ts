import { SHIPPED_DEFINITIONS } from '@onetrip/domain/processes/shipped-definitions';
import { StoredDefinitionCache, type StoredProcessDefinition } from './stored-definition-cache';

describe('StoredDefinitionCache', () => {
  const definition = SHIPPED_DEFINITIONS[0];
  const stored = (version: number): StoredProcessDefinition => ({ key: definition.key, version, checksum: `sum-${version}`, definition });

  it('loads a stored version once, even when first asked for by several callers together', async () => {
    const load = jest.fn(async (_key: string, version: number) => stored(version));
    const cache = new StoredDefinitionCache(load);
    const together = await Promise.all([cache.get(definition.key, 1), cache.get(definition.key, 1), cache.get(definition.key, 1)]);
    expect(together.every((item) => item === together[0])).toBe(true);
    expect(await cache.get(definition.key, 1)).toBe(together[0]);
    expect(await cache.get(definition.key, 2)).toMatchObject({ version: 2 });
    expect(load.mock.calls).toEqual([
      [definition.key, 1],
      [definition.key, 2],
    ]);
  });

  it('keeps neither a missing version nor a failed load', async () => {
    const answers: (StoredProcessDefinition | null | Error)[] = [null, new Error('connection terminated'), stored(3)];
    const load = jest.fn(async () => {
      const next = answers.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    const cache = new StoredDefinitionCache(load);
    expect(await cache.get(definition.key, 3)).toBeNull();
    await expect(cache.get(definition.key, 3)).rejects.toThrow('connection terminated');
    expect(await cache.get(definition.key, 3)).toMatchObject({ version: 3 });
    expect(await cache.get(definition.key, 3)).toMatchObject({ version: 3 });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('stays within its bound', async () => {
    const load = jest.fn(async (_key: string, version: number) => stored(version));
    const cache = new StoredDefinitionCache(load, 2);
    for (const version of [1, 2, 3, 1]) await cache.get(definition.key, version);
    // 1 and 2 filled it; 3 emptied it; 1 was loaded again.
    expect(load).toHaveBeenCalledTimes(4);
  });
});
