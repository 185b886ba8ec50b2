export * from './contracts';
export * from './activities';
export * from './workflow-sources';
