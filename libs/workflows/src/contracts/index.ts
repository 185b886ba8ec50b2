// Everything the API may import from the workflow library: names, messages and types, no code that runs.
export const DEFAULT_TASK_QUEUE = 'onetrip';

export * from './search-attributes';
export * from './ping.contract';
export * from './case.contract';
export * from './process.contract';
export * from './department-system.contract';
