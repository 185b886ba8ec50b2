export * from './privacy/masking';
