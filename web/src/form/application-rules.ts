import type { ApplicationRuleSettings } from '@onetrip/domain';
import { useEffect, useState } from 'react';
import { api } from '../api';

// The form rules the API runs with (its jurisdiction and forbidden name words), read from
// GET /api/application-rules once per page load: the pages check with them, so a changed setting
// changes both.

/** The rules, and whether the API runs in demo mode (the example data is offered only then). */
export type ServedRules = ApplicationRuleSettings & { demoMode?: boolean };

let loading: Promise<ServedRules> | null = null;

export function loadApplicationRules(): Promise<ServedRules> {
  loading ??= api<ServedRules>('GET', '/application-rules').catch((error: unknown) => {
    loading = null; // a failed read is tried again next time
    throw error;
  });
  return loading;
}

export interface RulesState {
  rules: ServedRules | null;
  error: unknown;
  retry(): void;
}

export function useApplicationRules(): RulesState {
  const [rules, setRules] = useState<ServedRules | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    loadApplicationRules().then(
      (loaded) => current && setRules(loaded),
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  return {
    rules,
    error,
    retry: () => {
      setError(null);
      setAttempt((n) => n + 1);
    },
  };
}
