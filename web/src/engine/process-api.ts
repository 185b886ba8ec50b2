import type { LocalizedName, ProcessDefinition } from '@onetrip/domain';
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { components } from '../api-types';

// The definition endpoints (issue 12's engine contract), by the generated API types; the definition
// document itself is typed by libs/domain's ProcessDefinition (the API describes it as an open object).

type Schemas = components['schemas'];
export type ProcessDefinitionView = Omit<Schemas['ProcessDefinitionViewDto'], 'definition'> & { definition: ProcessDefinition };
export interface ProcessCatalog {
  items: ProcessDefinitionView[];
}
export type AdminProcessSummary = Schemas['ProcessVersionSummaryDto'];

/** The process a case pinned (the case view's `process`). */
export interface CaseProcessRef {
  key: string;
  version: number;
  name?: LocalizedName;
}

export const ENTERPRISE_OPENING = 'enterprise-opening';

export function versionPath(key: string, version: number): string {
  return `/processes/${encodeURIComponent(key)}/versions/${version}`;
}

// A stored version never changes: one request per version and page load.
const pinned = new Map<string, Promise<ProcessDefinitionView>>();

export function loadPinnedDefinition(key: string, version: number): Promise<ProcessDefinitionView> {
  const id = `${key}@${version}`;
  let found = pinned.get(id);
  if (!found) {
    found = api<ProcessDefinitionView>('GET', versionPath(key, version));
    found.catch(() => pinned.delete(id));
    pinned.set(id, found);
  }
  return found;
}

/** The definition a case runs on; undefined while loading or when the case names none. */
export function usePinnedDefinition(process: CaseProcessRef | undefined | null): { view?: ProcessDefinitionView; error?: unknown } {
  const [state, setState] = useState<{ id: string; view?: ProcessDefinitionView; error?: unknown }>({ id: '' });
  const id = process ? `${process.key}@${process.version}` : '';
  useEffect(() => {
    if (!process) return;
    let live = true;
    loadPinnedDefinition(process.key, process.version).then(
      (view) => live && setState({ id, view }),
      (error: unknown) => live && setState({ id, error }),
    );
    return () => {
      live = false;
    };
    // The id says everything the effect reads.
  }, [id]);
  return state.id === id ? { view: state.view, error: state.error } : {};
}

/** Reads a name in the page's language. */
export function localName(name: LocalizedName | undefined, lang: 'zh' | 'en', fallback = ''): string {
  if (!name) return fallback;
  return (lang === 'zh' ? name.zh : name.en) || name.zh || name.en || fallback;
}

/** The active version of a process, from the catalog (GET /api/processes), read once per mount. */
export function useActiveDefinition(key: string): { view?: ProcessDefinitionView; error?: unknown; missing: boolean; retry(): void } {
  const [state, setState] = useState<{ view?: ProcessDefinitionView; error?: unknown; missing: boolean }>({ missing: false });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    api<ProcessCatalog>('GET', '/processes').then(
      (catalog) => {
        const view = catalog.items.find((item) => item.key === key);
        if (live) setState({ view, missing: !view });
      },
      (error: unknown) => live && setState({ error, missing: false }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);
  return {
    ...state,
    retry: () => {
      setState({ missing: false });
      setAttempt((n) => n + 1);
    },
  };
}
