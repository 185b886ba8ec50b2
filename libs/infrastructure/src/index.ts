export * from './config/load-config';
export * from './config/shared-config';
export * from './logging/logger';
export * from './database/data-source';
export * from './database/entities';
export * from './temporal/temporal-connection';
export * from './crypto/key-ring';
export * from './temporal/encryption-codec';
