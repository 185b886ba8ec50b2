export * from './ping.activities';
