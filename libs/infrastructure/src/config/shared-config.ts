import { readFileSync } from 'node:fs';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { ConnectorConfigError, parseDepartmentSecrets } from '../connectors/department-signature';
import { DecisionSigner, DecisionSigningKeyError } from '../crypto/decision-signature';
import { KeyRing, KeyRingError } from '../crypto/key-ring';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** Why a key ring setting is unusable, or null when it is fine. */
function keyRingProblem(config: SharedConfig, keys: string, activeKeyId: string, protects: string): string | null {
  if (!keys) return config.NODE_ENV === 'production' ? `must be set in production (${protects} are encrypted with it)` : null;
  try {
    KeyRing.parse(keys, activeKeyId ?? '');
    return null;
  } catch (error) {
    if (error instanceof KeyRingError) return error.message;
    throw error;
  }
}

/** Why the decision-signing key is unusable, or null when it is fine. */
function decisionKeyProblem(config: SharedConfig): string | null {
  if (!config.DECISION_SIGNING_KEY) return config.NODE_ENV === 'production' ? 'must be set in production (clerks\' decisions are signed with it)' : null;
  try {
    DecisionSigner.parse(config.DECISION_SIGNING_KEY);
    return null;
  } catch (error) {
    if (error instanceof DecisionSigningKeyError) return error.message;
    throw error;
  }
}

/** Why a connector setting (departments' secrets or URLs) cannot be parsed, or null; never quotes a secret. */
export function connectorSettingProblem(parse: (setting: string) => unknown, value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  try {
    parse(value);
    return null;
  } catch (error) {
    if (error instanceof ConnectorConfigError) return error.message;
    throw error;
  }
}

/** Valid when the connector setting parses; the parser's words are the message. */
export function ConnectorSetting(parse: (setting: string) => unknown): PropertyDecorator {
  return ValidateBy({
    name: 'connectorSetting',
    validator: { validate: (value) => connectorSettingProblem(parse, value) === null, defaultMessage: (args) => connectorSettingProblem(parse, args?.value) ?? 'is invalid' },
  });
}

/** Valid when `problem` finds nothing wrong with this config; its answer is the message. */
function KeyRingSetting(problem: (config: SharedConfig) => string | null): PropertyDecorator {
  return ValidateBy({
    name: 'keyRing',
    validator: { validate: (_value, args) => problem(args?.object as SharedConfig) === null, defaultMessage: (args) => problem(args?.object as SharedConfig) ?? 'is invalid' },
  });
}

/** Why a TEMPORAL_TLS_* / TEMPORAL_API_KEY setting cannot be used as given, or null when it is fine. */
function temporalTlsProblem(config: SharedConfig, setting: TemporalTlsSetting): string | null {
  const value = config[setting];
  if (!value) {
    // A client certificate without its key (or the other way round) is half an mTLS configuration.
    if (setting === 'TEMPORAL_TLS_CERT_FILE' && config.TEMPORAL_TLS_KEY_FILE) return 'must be set together with TEMPORAL_TLS_KEY_FILE (mTLS needs the certificate and its key)';
    if (setting === 'TEMPORAL_TLS_KEY_FILE' && config.TEMPORAL_TLS_CERT_FILE) return 'must be set together with TEMPORAL_TLS_CERT_FILE (mTLS needs the certificate and its key)';
    return null;
  }
  // Without TEMPORAL_TLS=true the connection would be plain text: the setting would be ignored, or the key sent in the clear.
  if (config.TEMPORAL_TLS !== true) return 'is set but TEMPORAL_TLS is not true (set TEMPORAL_TLS=true, or remove it)';
  if (setting.endsWith('_FILE')) {
    try {
      const text = readFileSync(value, 'utf8');
      if (!text.includes('-----BEGIN ')) return 'is not a PEM file (no -----BEGIN line)';
    } catch (error) {
      return `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  }
  return null;
}

type TemporalTlsSetting = 'TEMPORAL_TLS_CA_FILE' | 'TEMPORAL_TLS_CERT_FILE' | 'TEMPORAL_TLS_KEY_FILE' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY';

/** Valid when temporalTlsProblem finds nothing wrong with this setting; its answer is the message. */
function TemporalTls(setting: TemporalTlsSetting): PropertyDecorator {
  return ValidateBy({
    name: 'temporalTls',
    validator: {
      validate: (_value, args) => temporalTlsProblem(args?.object as SharedConfig, setting) === null,
      defaultMessage: (args) => temporalTlsProblem(args?.object as SharedConfig, setting) ?? 'is invalid',
    },
  });
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

  // How the API and the worker reach Temporal: plain text (the dev server, a private network), TLS, mTLS
  // (a self-hosted cluster) or TLS with an API key (Temporal Cloud). See temporalConnectionOptions.

  /** Connect over TLS. Every setting below requires it. */
  @Transform(toBoolean)
  @IsBoolean()
  TEMPORAL_TLS: boolean = false;

  /** PEM of the CA that signed the server's certificate; empty: the system's trusted roots (Temporal Cloud). */
  @TemporalTls('TEMPORAL_TLS_CA_FILE')
  TEMPORAL_TLS_CA_FILE: string = '';

  /** PEM client certificate for mTLS; with TEMPORAL_TLS_KEY_FILE, both or neither. */
  @TemporalTls('TEMPORAL_TLS_CERT_FILE')
  TEMPORAL_TLS_CERT_FILE: string = '';

  /** PEM private key of the client certificate; with TEMPORAL_TLS_CERT_FILE, both or neither. */
  @TemporalTls('TEMPORAL_TLS_KEY_FILE')
  TEMPORAL_TLS_KEY_FILE: string = '';

  /** The name the server's certificate must carry when it is not the host in TEMPORAL_ADDRESS (SNI). */
  @TemporalTls('TEMPORAL_TLS_SERVER_NAME')
  TEMPORAL_TLS_SERVER_NAME: string = '';

  /** A Temporal Cloud API key (sent as a bearer token on every call); requires TEMPORAL_TLS=true. */
  @TemporalTls('TEMPORAL_API_KEY')
  TEMPORAL_API_KEY: string = '';

  /**
   * Keys that encrypt Temporal payloads (AES-256-GCM): `keyId:base64key,…`, 32-byte keys. Keep
   * retired keys listed so older histories still decrypt. Required in production.
   */
  @KeyRingSetting((config) => keyRingProblem(config, config.TEMPORAL_PAYLOAD_KEYS, config.TEMPORAL_PAYLOAD_KEY_ID, 'Temporal payloads'))
  TEMPORAL_PAYLOAD_KEYS: string = '';

  /** The id (in TEMPORAL_PAYLOAD_KEYS) of the key new payloads are encrypted with. */
  @IsString()
  TEMPORAL_PAYLOAD_KEY_ID: string = '';

  /**
   * Keys that encrypt ID numbers and mobiles at rest in PostgreSQL (AES-256-GCM), same format.
   * Separate from the payload keys: stored rows outlive histories. Required in production.
   */
  @KeyRingSetting((config) => keyRingProblem(config, config.PERSONAL_DATA_KEYS, config.PERSONAL_DATA_KEY_ID, 'ID numbers and mobiles in the database'))
  PERSONAL_DATA_KEYS: string = '';

  /** The id (in PERSONAL_DATA_KEYS) of the key new values are encrypted with. */
  @IsString()
  PERSONAL_DATA_KEY_ID: string = '';

  /**
   * HMAC key (base64, at least 32 bytes) the API signs clerks' decisions with and the worker checks them
   * with before writing anything: a decision sent to Temporal directly, not through the API, is refused.
   * The same value for both; required in production.
   */
  @KeyRingSetting(decisionKeyProblem)
  DECISION_SIGNING_KEY: string = '';

  /**
   * SYSTEM mode (docs/connectors.md): each department system's shared secret, `TAX:base64,SAMR:base64` (≥ 32
   * bytes each). The worker signs its requests with it, the API checks the department's callbacks with it.
   */
  @ConnectorSetting(parseDepartmentSecrets)
  DEPARTMENT_SYSTEM_SECRETS: string = '';
  // Text messages (the relay's SMS channel, and the send-SMS service others call): docs/notifications.md.

  /** Which SMS adapter sends: `aliyun` (an Aliyun-style SendSms API, or the local stub), or `none` (SMS not sent). */
  @IsIn(['aliyun', 'none'])
  SMS_PROVIDER: 'aliyun' | 'none' = 'none';

  /** The SMS API's address (with SMS_PROVIDER=aliyun). */
  @ValidateBy({ name: 'smsEndpoint', validator: { validate: (value, args) => (args?.object as SharedConfig).SMS_PROVIDER === 'none' || (typeof value === 'string' && /^https?:\/\/\S+$/.test(value)), defaultMessage: () => 'must be an http(s) URL when SMS_PROVIDER is aliyun' } })
  SMS_ENDPOINT: string = '';

  @IsString()
  SMS_ACCESS_KEY_ID: string = '';

  @IsString()
  SMS_ACCESS_KEY_SECRET: string = '';

  /** The approved signature (签名) the provider puts before every message. */
  @IsString()
  SMS_SIGN_NAME: string = '一件事一次办';

  /** Template key → the provider's template code, `COMPLETED=SMS_123456,*=SMS_654321`; unlisted keys use SMS_ONETRIP_<KEY>. */
  @Matches(/^(\s*([A-Z_]+|\*)=[\w.-]+\s*(,|$))*$/, { message: 'must be KEY=CODE pairs separated by commas' })
  SMS_TEMPLATE_CODES: string = '';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  // Prometheus: /metrics on a listener of its own, never on the public API port (see docs/operations.md).

  /** Port of the Prometheus listener (`GET /metrics`); unset: no listener. */
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** Interface the Prometheus listener binds (0.0.0.0 in a container, so Prometheus can reach the pod). */
  @IsString()
  @IsNotEmpty()
  METRICS_HOST: string = '127.0.0.1';

  // Tracing is configured by OpenTelemetry's standard variables (the SDK reads the rest itself:
  // OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES, OTEL_BSP_*, …). These decide
  // whether it is on: an OTLP endpoint set, and not switched off.

  /** OTLP/HTTP base URL (the SDK adds /v1/traces), e.g. http://otel-collector:4318. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** OTLP/HTTP traces URL, used as given (overrides OTEL_EXPORTER_OTLP_ENDPOINT for traces). */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** `otlp` (the default when an endpoint is set) or `none`. */
  @IsIn(['otlp', 'none', ''])
  OTEL_TRACES_EXPORTER: string = '';

  @Transform(toBoolean)
  @IsBoolean()
  OTEL_SDK_DISABLED: boolean = false;

  /** The service name on spans; default onetrip-api / onetrip-worker. */
  @IsOptional()
  @IsString()
  OTEL_SERVICE_NAME?: string;

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';
}

export { Transform };
