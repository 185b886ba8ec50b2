import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, Matches, ValidateBy } from 'class-validator';
import { KeyRing, KeyRingError } from '../crypto/key-ring';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** Why the payload key settings are unusable, or null when they are fine. */
function payloadKeyProblem(config: SharedConfig): string | null {
  if (!config.TEMPORAL_PAYLOAD_KEYS) return config.NODE_ENV === 'production' ? 'must be set in production (Temporal payloads are encrypted with it)' : null;
  try {
    KeyRing.parse(config.TEMPORAL_PAYLOAD_KEYS, config.TEMPORAL_PAYLOAD_KEY_ID ?? '');
    return null;
  } catch (error) {
    if (error instanceof KeyRingError) return error.message;
    throw error;
  }
}

/** Settings both processes need: where PostgreSQL and Temporal are, and how to log. */
export class SharedConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^[^\s:/]+:\d+$/, { message: 'must be host:port' })
  TEMPORAL_ADDRESS!: string;

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE: string = 'default';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_TASK_QUEUE: string = 'onetrip';

  /**
   * Keys that encrypt Temporal payloads (AES-256-GCM): `keyId:base64key,…`, 32-byte keys. Keep
   * retired keys listed so older histories still decrypt. Required in production.
   */
  @ValidateBy({
    name: 'payloadKeys',
    validator: { validate: (_value, args) => payloadKeyProblem(args?.object as SharedConfig) === null, defaultMessage: (args) => payloadKeyProblem(args?.object as SharedConfig) ?? 'is invalid' },
  })
  TEMPORAL_PAYLOAD_KEYS: string = '';

  /** The id (in TEMPORAL_PAYLOAD_KEYS) of the key new payloads are encrypted with. */
  @IsString()
  TEMPORAL_PAYLOAD_KEY_ID: string = '';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';
}

export { Transform };
