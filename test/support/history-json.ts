import { execFileSync } from 'node:child_process';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporalBinary } from '../../scripts/stack/temporal-dev-server';
import { testStack } from './test-stack';

/** A payload as the Temporal CLI prints it in `--output json`: metadata values and data in base64. */
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** A workflow's history exactly as the Temporal server stores it (the CLI applies no codec). */
export function showHistoryJson(workflowId: string): string {
  return execFileSync(temporalBinary(), ['workflow', 'show', '--workflow-id', workflowId, '--address', testStack().temporalAddress, '--output', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Every payload in a parsed CLI history (or any JSON tree of it), found by shape, but those under
 * `skipKeys` (search attributes are payloads too, never encoded by a codec: the server indexes them).
 */
export function payloadsIn(value: unknown, skipKeys: readonly string[] = [], at = '', found: FoundPayload[] = []): FoundPayload[] {
  if (typeof value !== 'object' || value === null) return found;
  if (Array.isArray(value)) {
    value.forEach((item, index) => payloadsIn(item, skipKeys, `${at}[${index}]`, found));
    return found;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.metadata === 'object' && record.metadata !== null && ('data' in record || 'encoding' in record.metadata)) found.push({ path: at, payload: record as JsonPayload });
  else for (const [key, item] of Object.entries(record)) if (!skipKeys.includes(key)) payloadsIn(item, skipKeys, `${at}.${key}`, found);
  return found;
}

export interface FoundPayload {
  /** Where in the history, e.g. `.events[0].workflowExecutionStartedEventAttributes.input.payloads[0]`. */
  path: string;
  payload: JsonPayload;
}

const fromBase64 = (text: string | undefined): Uint8Array => Buffer.from(text ?? '', 'base64');
const toBase64 = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString('base64');

export const payloadEncoding = (payload: JsonPayload): string => Buffer.from(fromBase64(payload.metadata?.encoding)).toString('utf8');

/** The history JSON with every payload run through `codec.decode`, in the same CLI format. */
export async function decodeHistoryJson(json: string, codec: PayloadCodec): Promise<string> {
  const history = JSON.parse(json) as unknown;
  for (const { payload } of payloadsIn(history, ['searchAttributes'])) {
    const wire: Payload = {
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, fromBase64(value)])),
      data: fromBase64(payload.data),
    };
    const [plain] = await codec.decode([wire]);
    payload.metadata = Object.fromEntries(Object.entries(plain.metadata ?? {}).map(([key, value]) => [key, toBase64(value)]));
    payload.data = toBase64(plain.data);
  }
  return JSON.stringify(history, null, 2);
}
