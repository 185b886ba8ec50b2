import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidationOptions } from 'class-validator';
import { DocumentSigner, DocumentSigningKeyError, SharedConfig, toBoolean, toInteger } from '@onetrip/infrastructure';
import {
  CasePolicyConfigError,
  DEFAULT_FORBIDDEN_WORDS_SETTING,
  DEFAULT_HOLIDAYS_SETTING,
  DEFAULT_MAKEUP_WORKDAYS_SETTING,
  DEFAULT_OFFICE_HOURS_SETTING,
  parseDateList,
  parseDepartmentModes,
  parseOfficeHours,
  parseTimeLimits,
  parseWordList,
} from '../applications/case-policy';
import { DEFAULT_SCRYPT, MAX_SCRYPT_N, MIN_SCRYPT_N } from '../auth/password-hasher';

// The signing secret this project once shipped as a default: public, so refused as a value.
const PUBLISHED_JWT_SECRET = 'onetrip-development-secret-change-me';

const toDecimal = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/** Valid when `parse` accepts the value; the message is the parser's own reason. */
function ParsesWith(parse: (value: string, config: ApiConfig) => unknown, options?: ValidationOptions): PropertyDecorator {
  const problem = (value: unknown, config: ApiConfig): string | null => {
    if (typeof value !== 'string') return 'must be a string';
    try {
      parse(value, config);
      return null;
    } catch (error) {
      if (error instanceof CasePolicyConfigError) return error.message;
      throw error;
    }
  };
  return ValidateBy(
    {
      name: 'parsesWith',
      validator: {
        validate: (value, args) => problem(value, args?.object as ApiConfig) === null,
        defaultMessage: (args) => problem(args?.value, args?.object as ApiConfig) ?? 'is invalid',
      },
    },
    options,
  );
}

/** Valid unless the check fails for this config (rules that tie two variables together). */
function Requires(check: (config: ApiConfig, value: unknown) => boolean, message: string): PropertyDecorator {
  return ValidateBy({ name: 'requires', validator: { validate: (value, args) => check(args?.object as ApiConfig, value), defaultMessage: () => message } });
}

/** The API's settings; nothing else in the API reads process.env. Injected by its class. */
export class ApiConfig extends SharedConfig {
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT: number = 3000;

  @IsString()
  API_HOST: string = '127.0.0.1';

  /**
   * On SIGTERM, how long /api/health/ready answers 503 while requests are still served, before the API
   * stops taking connections: the time a load balancer needs to notice (Kubernetes: a few seconds).
   * Unset: 5 in production, 0 elsewhere (no load balancer in front of `./onetrip up` or the tests).
   */
  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of seconds' })
  @Min(0)
  @Max(300)
  API_DRAIN_SECONDS?: number;

  /** After draining, how long requests in flight may take to finish before their connections are cut. */
  @Transform(toDecimal)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of seconds' })
  @Min(1)
  @Max(600)
  API_SHUTDOWN_TIMEOUT_SECONDS: number = 20;

  /**
   * Signs bearer tokens (and device cookies). Required in every mode, no default: `./onetrip up` generates
   * one into its data folder, the tests one per run; elsewhere set a random value (openssl rand -base64 32).
   */
  @IsString()
  @MinLength(16, { message: 'must be set, at least 16 characters (e.g. openssl rand -base64 32; ./onetrip up generates one)' })
  @Requires((_config, value) => value !== PUBLISHED_JWT_SECRET, 'must not be the old published default')
  JWT_SECRET: string = '';

  @Transform(toBoolean)
  @IsBoolean()
  @Requires((config, value) => !(value === true && config.NODE_ENV === 'production'), 'must be off when NODE_ENV is production (demo users have a known password)')
  DEMO_MODE: boolean = false;

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD: string = 'onetrip-demo';

  /**
   * scrypt's N for new password hashes (r = 8, p = 1): 2^17 = 128 MiB and ~0.3 s per hash, OWASP's minimum,
   * the default and the floor in production. Lower only where the hashes guard nothing (the test stack, whose
   * every registration and sign-in pays it). A stored hash keeps its own N; a weaker one is rehashed to this
   * at its owner's next sign-in.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(MIN_SCRYPT_N)
  @Max(MAX_SCRYPT_N)
  @ValidateBy({ name: 'powerOfTwo', validator: { validate: (value) => typeof value === 'number' && (value & (value - 1)) === 0, defaultMessage: () => 'must be a power of two' } })
  @Requires((config, value) => config.NODE_ENV !== 'production' || (typeof value === 'number' && value >= DEFAULT_SCRYPT.N), `must be at least ${DEFAULT_SCRYPT.N} in production`)
  PASSWORD_SCRYPT_N: number = DEFAULT_SCRYPT.N;

  @Transform(toInteger)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  // How cases run (see applications/case-policy.ts): fixed into each case at submission.

  /** '' (each step's own mode, from its definition; the enterprise opening's are MANUAL), 'SAMR=AUTO,TAX=MANUAL' (step id or department) or '*=AUTO'. */
  @ParsesWith(parseDepartmentModes)
  CASE_DEPARTMENT_MODES: string = '';

  /** Working minutes per step: '' (each step's own, from its definition; 240 in caseWorkflow's cases), '240', or '*=240,SAMR=60,fire-safety=30'; decimals allowed, > 0. */
  @ParsesWith(parseTimeLimits)
  CASE_TIME_LIMIT_MINUTES: string = '';

  @Transform(toDecimal)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of minutes' })
  @Min(0)
  CASE_REMINDER_LEAD_MINUTES: number = 60;

  /**
   * Every notice period (公示期, steps of kind public-notice) lasts this many seconds instead of its definition's
   * calendar days. Unset in production; tests and demonstrations shorten the 20- and 45-day notices with it.
   */
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(31_536_000)
  NOTICE_PERIOD_SECONDS?: number;

  @IsIn(['OFFICE', 'ALWAYS'])
  CASE_CALENDAR: 'OFFICE' | 'ALWAYS' = 'OFFICE';

  @ParsesWith(parseOfficeHours)
  CASE_OFFICE_HOURS: string = DEFAULT_OFFICE_HOURS_SETTING;

  @ParsesWith(parseDateList)
  CASE_HOLIDAYS: string = DEFAULT_HOLIDAYS_SETTING;

  // Checked against CASE_HOLIDAYS too: a day cannot be both.
  @ParsesWith((value, config) => {
    const makeUpWorkdays = parseDateList(value);
    let holidays: string[];
    try {
      holidays = parseDateList(config.CASE_HOLIDAYS);
    } catch {
      return; // reported under CASE_HOLIDAYS
    }
    const both = makeUpWorkdays.filter((day) => holidays.includes(day));
    if (both.length > 0) throw new CasePolicyConfigError(`${both.join(', ')} cannot be both a make-up working day and in CASE_HOLIDAYS`);
  })
  CASE_MAKEUP_WORKDAYS: string = DEFAULT_MAKEUP_WORKDAYS_SETTING;

  @Matches(/^\d{6}$/, { message: 'must be a 6-digit administrative division code' })
  JURISDICTION_DIVISION_CODE: string = '433101';

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  JURISDICTION_NAME: string = '吉首市';

  @ParsesWith(parseWordList)
  FORBIDDEN_NAME_WORDS: string = DEFAULT_FORBIDDEN_WORDS_SETTING;

  /** A live case with no progress for this long is listed as stuck (NO_PROGRESS). */
  @Transform(toDecimal)
  @IsNumber()
  @Min(0)
  STUCK_NO_PROGRESS_MINUTES: number = 1440;

  /** A case waiting for the applicant's correction this long is listed as stuck (AWAITING_APPLICANT). */
  @Transform(toDecimal)
  @IsNumber()
  @Min(0)
  STUCK_AWAITING_APPLICANT_MINUTES: number = 0;

  /** How long the case figures on /metrics (read from PostgreSQL) are reused between scrapes, in seconds. */
  @Transform(toDecimal)
  @IsNumber()
  @Min(0)
  @Max(3600)
  METRICS_CACHE_SECONDS: number = 15;

  /** The role the API's connections switch to (created by the migrations): it cannot rewrite the audit log. Empty: the connection user. */
  @IsString()
  API_DATABASE_ROLE: string = 'onetrip_api';

  // Bad input and abuse (see docs/ARCHITECTURE.md, "Defences at the door").

  /** Largest JSON or form body accepted, in kB; larger ones get 413 before they are parsed. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(10240)
  HTTP_BODY_LIMIT_KB: number = 64;

  /** Largest process definition an admin may upload (POST /api/admin/processes), in kB: a form schema with names in two languages outgrows HTTP_BODY_LIMIT_KB. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(10240)
  PROCESS_DEFINITION_BODY_LIMIT_KB: number = 512;

  /** Which proxies may set X-Forwarded-For/-Proto (Express "trust proxy"): '' none, a hop count, or addresses/CIDRs ('loopback, 10.0.0.0/8'). */
  @ParsesWith(parseTrustProxy)
  TRUST_PROXY: string = '';

  /**
   * Ed25519 keys that sign issued documents (completion and correction notices): `keyId:base64seed,…`,
   * 32-byte seeds (openssl rand -base64 32). Keep retired keys listed: what they signed still verifies.
   * Required in production; without it (development only) documents are not issued.
   */
  @ValidateBy({ name: 'documentKeys', validator: { validate: (_value, args) => documentKeysProblem(args?.object as ApiConfig) === null, defaultMessage: (args) => documentKeysProblem(args?.object as ApiConfig) ?? 'is invalid' } })
  DOCUMENT_SIGNING_KEYS: string = '';

  /** The id (in DOCUMENT_SIGNING_KEYS) of the key new documents are signed with. */
  @IsString()
  DOCUMENT_SIGNING_KEY_ID: string = '';

  /** Where the web app is reached from outside, for the QR code on documents (`<url>/verify/<code>`); empty: http://API_HOST:API_PORT. */
  @ParsesWith((value) => (value === '' ? [] : parseOrigins(value)))
  PUBLIC_BASE_URL: string = '';

  /** Browser origins allowed to call the API cross-origin, comma-separated ('https://a.example,https://b.example'); '' none. */
  @ParsesWith(parseOrigins)
  CORS_ORIGINS: string = '';

  /** Length of a rate-limit window; each limit below counts requests per window (0 turns that limit off). */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(86400)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  RATE_LIMIT_SIGN_IN_PER_IP: number = 30;

  /**
   * Sign-in attempts per username from clients without its device cookie (whoever sends them): slows password
   * guessing against one account. A device the username signed in from before counts on its own instead.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  RATE_LIMIT_SIGN_IN_PER_USERNAME: number = 10;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  RATE_LIMIT_SUBMIT_PER_IP: number = 60;

  /** Registrations per IP address: stops one client creating accounts in bulk. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  RATE_LIMIT_REGISTER_PER_IP: number = 10;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  RATE_LIMIT_SUBMIT_PER_USER: number = 20;

  /** Complaints one person may raise in an hour, over all cases (0: no limit). */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  RATE_LIMIT_COMPLAINTS_PER_USER_HOUR: number = 10;

  /** Open complaints one person may have on one case at a time; resolving one makes room. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  COMPLAINTS_OPEN_PER_CASE_PER_USER: number = 3;
}

/** TRUST_PROXY as Express takes it: false, a hop count, or a list of addresses/CIDRs/names. */
export function parseTrustProxy(value: string): false | number | string[] {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.find((entry) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(entry));
  if (bad !== undefined) throw new CasePolicyConfigError(`"${bad}" is not a hop count, an IP address/CIDR, loopback, linklocal or uniquelocal`);
  return entries;
}

/** Why the document signing key ring is unusable, or null when it is fine. */
function documentKeysProblem(config: ApiConfig): string | null {
  if (!config.DOCUMENT_SIGNING_KEYS) return config.NODE_ENV === 'production' ? 'must be set in production (issued documents are signed with it)' : null;
  try {
    DocumentSigner.parse(config.DOCUMENT_SIGNING_KEYS, config.DOCUMENT_SIGNING_KEY_ID ?? '');
    return null;
  } catch (error) {
    if (error instanceof DocumentSigningKeyError) return error.message;
    throw error;
  }
}

/** CORS_ORIGINS: exact origins (scheme://host[:port]), no paths, no wildcard. */
export function parseOrigins(value: string): string[] {
  const origins = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = origins.find((origin) => !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin));
  if (bad !== undefined) throw new CasePolicyConfigError(`"${bad}" is not an origin like https://onetrip.example.gov.cn (scheme, host, optional port; no path, no *)`);
  return origins;
}
