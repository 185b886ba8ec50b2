import { Connection } from '@temporalio/client';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { SEARCH_ATTRIBUTES } from '@onetrip/workflows/contracts';
import { temporal } from '@temporalio/proto';

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
