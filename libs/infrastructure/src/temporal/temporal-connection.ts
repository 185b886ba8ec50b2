import { readFileSync } from 'node:fs';
import { Connection, type TLSConfig } from '@temporalio/client';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { SEARCH_ATTRIBUTES } from '@onetrip/workflows/contracts';
import { temporal } from '@temporalio/proto';

/** The connection settings of SharedConfig (a subset, so tests and tools can pass their own). */
export interface TemporalConnectionSettings {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_TLS: boolean;
  TEMPORAL_TLS_CA_FILE: string;
  TEMPORAL_TLS_CERT_FILE: string;
  TEMPORAL_TLS_KEY_FILE: string;
  TEMPORAL_TLS_SERVER_NAME: string;
  TEMPORAL_API_KEY: string;
}

/** What both Connection.connect (API, tools) and NativeConnection.connect (worker) take. */
export interface TemporalConnectionOptions {
  address: string;
  tls: TLSConfig | false;
  apiKey?: string;
}

/**
 * The options for connecting to Temporal from validated settings (SharedConfig has refused a half-set
 * TLS configuration at start): plain text, TLS (system roots or TEMPORAL_TLS_CA_FILE), mTLS (a client
 * certificate and key) and/or a Temporal Cloud API key. The files are read here, at connect time, so
 * a restarted process picks up a rotated certificate.
 */
export function temporalConnectionOptions(settings: TemporalConnectionSettings): TemporalConnectionOptions {
  if (!settings.TEMPORAL_TLS) return { address: settings.TEMPORAL_ADDRESS, tls: false };
  const tls: TLSConfig = {};
  if (settings.TEMPORAL_TLS_SERVER_NAME) tls.serverNameOverride = settings.TEMPORAL_TLS_SERVER_NAME;
  if (settings.TEMPORAL_TLS_CA_FILE) tls.serverRootCACertificate = readFileSync(settings.TEMPORAL_TLS_CA_FILE);
  if (settings.TEMPORAL_TLS_CERT_FILE && settings.TEMPORAL_TLS_KEY_FILE) {
    tls.clientCertPair = { crt: readFileSync(settings.TEMPORAL_TLS_CERT_FILE), key: readFileSync(settings.TEMPORAL_TLS_KEY_FILE) };
  }
  return { address: settings.TEMPORAL_ADDRESS, tls, ...(settings.TEMPORAL_API_KEY ? { apiKey: settings.TEMPORAL_API_KEY } : {}) };
}

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

const TYPE_BY_NAME = {
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  KEYWORD_LIST: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
} as const;

/**
 * Registers the custom search attributes our workflows set (idempotent). Works on the dev
 * server and on a real cluster, so start-up needs no CLI flags.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !known.has(name));
  if (missing.length === 0) return [];
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, TYPE_BY_NAME[type]])),
    });
  } catch (error) {
    // Another process registered them first.
    if ((error as { code?: number }).code !== GrpcStatus.ALREADY_EXISTS) throw error;
  }
  return missing.map(([name]) => name);
}
