import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { ENCRYPTED_ENCODING } from '@onetrip/infrastructure';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { PayloadJsonDto, PayloadsDecodeDto } from './dto/payloads-decode.dto';

const fromBase64 = (text: string | undefined): Uint8Array => Buffer.from(text ?? '', 'base64');
const toBase64 = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString('base64');

const textOf = (base64: unknown): string => Buffer.from(String(base64 ?? ''), 'base64').toString('utf8');
const isEncrypted = (payload: PayloadJsonDto): boolean => textOf(payload.metadata?.encoding) === ENCRYPTED_ENCODING;

// What Temporal's core SDK writes into markers without the codec: a local activity's seq, attempt and
// times, a patch's id. Temporal's CLI and Web UI send them to the codec with the rest of a history.
const LOCAL_ACTIVITY_MARKER_KEYS = new Set(['seq', 'attempt', 'activity_id', 'activity_type', 'complete_time', 'backoff', 'original_schedule_time']);
const PATCH_MARKER_KEYS = new Set(['id', 'deprecated']);
// The OpenTelemetry interceptors' header (W3C trace context and baggage: trace ids and the request id), which the
// SDK writes past the codec; the Temporal CLI and Web UI send it with the rest of a history.
const TRACE_CONTEXT_KEYS = new Set(['traceparent', 'tracestate', 'baggage']);

function isSdkBookkeeping(payload: PayloadJsonDto): boolean {
  if (textOf(payload.metadata?.encoding) !== 'json/plain') return false;
  let value: unknown;
  try {
    value = JSON.parse(textOf(payload.data));
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && [LOCAL_ACTIVITY_MARKER_KEYS, PATCH_MARKER_KEYS, TRACE_CONTEXT_KEYS].some((known) => keys.every((key) => known.has(key)));
}

/** Temporal's codec-server protocol over our payload codec, so authorised staff can read histories. */
@Injectable()
export class TemporalCodecService {
  constructor(
    private readonly client: Client,
    private readonly audit: AuditLogService,
  ) {}

  async decode(user: AuthenticatedUser, dto: PayloadsDecodeDto, namespace: string | undefined): Promise<{ payloads: PayloadJsonDto[] }> {
    // Only what our codec encrypted (or the SDK's own marker bookkeeping, which it writes past the codec):
    // the endpoint is no echo service for plaintext of the caller's making.
    const plaintext = dto.payloads.flatMap((payload, index) => (isEncrypted(payload) || isSdkBookkeeping(payload) ? [] : [index]));
    if (plaintext.length > 0) {
      throw new AppError(
        'PAYLOAD_NOT_ENCRYPTED',
        `Only encrypted payloads (encoding ${ENCRYPTED_ENCODING}) are decoded`,
        plaintext.slice(0, 20).map((index) => ({ path: `payloads[${index}]`, messages: [`must have the encoding ${ENCRYPTED_ENCODING}`] })),
      );
    }
    let payloads: Payload[] = dto.payloads.map((payload) => ({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, fromBase64(String(value))])),
      data: fromBase64(payload.data),
    }));
    try {
      // Decoding runs the codecs in reverse of encoding.
      for (const codec of [...this.client.options.loadedDataConverter.payloadCodecs].reverse()) payloads = await codec.decode(payloads);
    } catch (error) {
      throw new AppError('VALIDATION_FAILED', `Cannot decode: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Reading decoded payloads may show personal data: who did, and how much (never what).
    await this.audit.record({ actor: user, action: 'DECODE_TEMPORAL_PAYLOADS', details: { payloads: payloads.length, namespace: namespace ?? null } });
    return {
      payloads: payloads.map((payload) => ({
        metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, toBase64(value)])),
        data: toBase64(payload.data),
      })),
    };
  }
}
