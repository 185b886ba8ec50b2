export * from './ping.activities';
export * from './case.ports';
export * from './case.activities';
