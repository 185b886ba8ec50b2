// PLACEHOLDER (eng-defapi) until eng-def's definition-validator.ts is merged: same signature, a few rules only.
import type { DefinitionProblem, ProcessDefinition } from './process-definition';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function validateDefinition(document: unknown, kinds: { has(key: string): boolean }): { definition?: ProcessDefinition; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });
  if (!isObject(document)) return { problems: [{ path: '$', code: 'TYPE', message: 'must be an object' }] };
  if (typeof document.key !== 'string' || !/^[a-z][a-z0-9-]{1,62}$/.test(document.key)) problem('$.key', 'KEY', 'must be lower-case words joined by hyphens');
  if (!Number.isInteger(document.version) || (document.version as number) < 1) problem('$.version', 'VERSION', 'must be an integer from 1');
  if (!isObject(document.name) || typeof document.name.zh !== 'string' || typeof document.name.en !== 'string') problem('$.name', 'NAME', 'must have zh and en');
  const steps = Array.isArray(document.steps) ? document.steps : [];
  if (steps.length === 0) problem('$.steps', 'STEPS', 'must list at least one step');
  const ids = new Set(steps.map((step) => (isObject(step) ? step.id : undefined)));
  steps.forEach((step, index) => {
    if (!isObject(step)) return problem(`$.steps[${index}]`, 'TYPE', 'must be an object');
    if (typeof step.kind !== 'string' || !kinds.has(step.kind)) problem(`$.steps[${index}].kind`, 'UNKNOWN_KIND', 'is not a registered step kind');
    (Array.isArray(step.dependsOn) ? step.dependsOn : []).forEach((id, at) => {
      if (!ids.has(id)) problem(`$.steps[${index}].dependsOn[${at}]`, 'UNKNOWN_STEP', 'names no step');
    });
  });
  return problems.length ? { problems } : { definition: document as unknown as ProcessDefinition, problems };
}
