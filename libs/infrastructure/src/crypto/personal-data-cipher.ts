import { KeyRing } from './key-ring';

// 个人信息 at rest: the ID numbers and mobiles inside stored JSON (a case's form, a correction's
// changes) and users.mobile are sealed field by field with AES-256-GCM, so a database dump, a
// backup or a read-only SQL session shows `pd1:<keyId>:<base64>` instead. Only these few fields: the
// rest of the form stays queryable JSON and a case view decrypts four or five short strings.
const PREFIX = 'pd1:';
const PERSONAL_FIELDS = new Set(['idNumber', 'mobile']);

/** 'shareholders[0].idNumber' → 'idNumber'; 'mobile' → 'mobile'. */
const lastField = (key: string): string => key.replace(/\[\d+\]$/, '').split('.').pop() ?? key;

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

// Opened values kept per process: an AUTO case's form is read (and its four or five sealed values opened) at
// every step, and one AES-GCM decipher costs more than the rest of the read. Keyed by the sealed text (key id,
// fresh IV and tag included), so a value never answers for another; bounded, oldest first out.
const OPENED_KEPT = 512;

/** Seals and opens personal fields; values written before encryption (plain strings) read as they are. */
export class PersonalDataCipher {
  private readonly opened = new Map<string, string>();

  private constructor(private readonly keys: KeyRing | null) {}

  static withKeys(keys: KeyRing): PersonalDataCipher {
    return new PersonalDataCipher(keys);
  }

  /** No key configured (development only; the config refuses this in production): values stay plain. */
  static plaintext(): PersonalDataCipher {
    return new PersonalDataCipher(null);
  }

  get encrypts(): boolean {
    return this.keys !== null;
  }

  seal(value: string): string {
    if (!this.keys || isSealed(value)) return value;
    const { keyId, sealed } = this.keys.encrypt(Buffer.from(value, 'utf8'));
    return `${PREFIX}${keyId}:${sealed.toString('base64')}`;
  }

  open(value: string): string {
    if (!isSealed(value)) return value;
    const known = this.opened.get(value);
    if (known !== undefined) return known;
    if (!this.keys) throw new Error('a personal data field is encrypted but no PERSONAL_DATA_KEYS are configured');
    const rest = value.slice(PREFIX.length);
    const separator = rest.indexOf(':');
    const plain = this.keys.decrypt(rest.slice(0, separator), Buffer.from(rest.slice(separator + 1), 'base64')).toString('utf8');
    if (this.opened.size >= OPENED_KEPT) this.opened.delete(this.opened.keys().next().value as string);
    this.opened.set(value, plain);
    return plain;
  }

  /**
   * A copy of `value` (a form, or a correction's path → value changes) with every string under a
   * personal field name (`idNumber`, `mobile`, or a path ending in one) sealed, and under any of
   * `personalPaths` (a definition's `x-personal-data` paths, `[]` for every element: `owners[].phone`).
   */
  sealFields<T>(value: T, personalPaths: readonly string[] = []): T {
    if (!this.keys) return value;
    return this.walk(value, '', false, personalPathMatcher(personalPaths), (text) => this.seal(text)) as T;
  }

  /** A copy of `value` with every sealed string opened; plain values are kept as they are. */
  openFields<T>(value: T): T {
    return this.openAll(value) as T;
  }

  // Opening needs no paths (a sealed string says so itself): a plain walk, without building a path per key.
  private openAll(value: unknown): unknown {
    if (typeof value === 'string') return isSealed(value) ? this.open(value) : value;
    if (Array.isArray(value)) return value.map((item) => this.openAll(item));
    if (typeof value !== 'object' || value === null) return value;
    // fromEntries, not assignment: a "__proto__" key stays a key.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.openAll(item)]));
  }

  private walk(value: unknown, path: string, personal: boolean, isPersonalPath: (path: string) => boolean, change: (text: string) => string): unknown {
    if (typeof value === 'string') return personal || isSealed(value) ? change(value) : value;
    if (Array.isArray(value)) return value.map((item, i) => this.walk(item, `${path}[${i}]`, personal, isPersonalPath, change));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        // A top-level key may itself be a path (a correction's changes: 'owners[0].phone').
        const itemPath = path === '' ? key : `${path}.${key}`;
        return [key, this.walk(item, itemPath, personal || PERSONAL_FIELDS.has(lastField(key)) || isPersonalPath(itemPath), isPersonalPath, change)];
      }),
    );
  }
}

/** A test for concrete paths (`owners[1].phone`) against patterns (`owners[].phone`); a path under a personal one is personal. */
function personalPathMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const expressions = patterns.map((pattern) => new RegExp(`^${pattern.split('[]').map(escape).join('\\[\\d+\\]')}$`));
  return (path) => expressions.some((expression) => expression.test(path));
}

/** The settings the cipher reads (SharedConfig has them). */
export interface PersonalDataKeyConfig {
  PERSONAL_DATA_KEYS: string;
  PERSONAL_DATA_KEY_ID: string;
}

export function personalDataCipher(config: PersonalDataKeyConfig): PersonalDataCipher {
  return config.PERSONAL_DATA_KEYS ? PersonalDataCipher.withKeys(KeyRing.parse(config.PERSONAL_DATA_KEYS, config.PERSONAL_DATA_KEY_ID)) : PersonalDataCipher.plaintext();
}
