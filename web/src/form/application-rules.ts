import type { ApplicationRuleSettings } from '@onetrip/domain';
import { useEffect, useState } from 'react';
import { api } from '../api';

// The form rules the API runs with (its jurisdiction and forbidden name words), read from
// GET /api/application-rules once per page load: the pages check with them, so a changed setting
// changes both.

let loading: Promise<ApplicationRuleSettings> | null = null;

export function loadApplicationRules(): Promise<ApplicationRuleSettings> {
  loading ??= api<ApplicationRuleSettings>('GET', '/application-rules').catch((error: unknown) => {
    loading = null; // a failed read is tried again next time
    throw error;
  });
  return loading;
}

export interface RulesState {
  rules: ApplicationRuleSettings | null;
  error: unknown;
  retry(): void;
}

export function useApplicationRules(): RulesState {
  const [rules, setRules] = useState<ApplicationRuleSettings | null>(null);
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
