import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { KeyRing } from '../crypto/key-ring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCRYPTION_KEY_ID_METADATA = 'encryption-key-id';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const PayloadProto = temporal.api.common.v1.Payload;

/**
 * Encrypts every payload Temporal stores (inputs, results, Update arguments, failures' details)
 * with AES-256-GCM, the key id in the metadata so keys can rotate. Payloads without our encoding
 * (histories recorded before the codec) pass through untouched, so running cases still replay.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const { keyId, sealed } = this.keys.encrypt(PayloadProto.encode(payload).finish());
      return {
        metadata: { [METADATA_ENCODING_KEY]: encoder.encode(ENCRYPTED_ENCODING), [ENCRYPTION_KEY_ID_METADATA]: encoder.encode(keyId) },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyId = payload.metadata?.[ENCRYPTION_KEY_ID_METADATA];
      if (!keyId) throw new Error(`an encrypted payload has no ${ENCRYPTION_KEY_ID_METADATA}`);
      return PayloadProto.decode(this.keys.decrypt(decoder.decode(keyId), payload.data ?? new Uint8Array()));
    });
  }
}

/** The settings the codec reads (SharedConfig has them). */
export interface PayloadKeyConfig {
  TEMPORAL_PAYLOAD_KEYS: string;
  TEMPORAL_PAYLOAD_KEY_ID: string;
}

/** The payload key ring, or null when none is configured (refused in production by the config). */
export function payloadKeyRing(config: PayloadKeyConfig): KeyRing | null {
  return config.TEMPORAL_PAYLOAD_KEYS ? KeyRing.parse(config.TEMPORAL_PAYLOAD_KEYS, config.TEMPORAL_PAYLOAD_KEY_ID) : null;
}

/** The data converter every Temporal client and worker of ours uses. */
export function temporalDataConverter(config: PayloadKeyConfig): DataConverter {
  const keys = payloadKeyRing(config);
  return keys ? { payloadCodecs: [new EncryptionCodec(keys)] } : {};
}

/**
 * Decodes, in place, every payload list in raw history events (fetchHistory returns them as
 * stored, i.e. encrypted), so code that reads arguments from a history sees plain payloads.
 */
export async function decodeHistoryPayloads<T extends object>(events: T[], codecs: readonly PayloadCodec[]): Promise<T[]> {
  if (codecs.length === 0) return events;
  const lists: { payloads: Payload[] }[] = [];
  const collect = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
    if (Array.isArray(value)) return value.forEach(collect);
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.payloads)) lists.push(record as { payloads: Payload[] });
    else Object.values(record).forEach(collect);
  };
  collect(events);
  await Promise.all(
    lists.map(async (list) => {
      let payloads = list.payloads;
      // Decoding runs the codecs in reverse of encoding.
      for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
      list.payloads = payloads;
    }),
  );
  return events;
}
