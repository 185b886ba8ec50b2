import { DomainError, InvalidArgumentError } from '../errors/domain-error';
import { maskPersonalData } from '../privacy/masking';

export class MoneyFormatError extends DomainError {
  constructor(input: unknown) {
    const shown = typeof input === 'string' ? `"${maskPersonalData(input.slice(0, 32))}"` : `a ${typeof input}`;
    super('MONEY_FORMAT', `Invalid amount ${shown}: expected yuan as a decimal string with at most 2 decimals, e.g. "1234.50"`);
  }
}

const AMOUNT_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount of Chinese yuan (人民币元), held as a whole number of fen (分, 0.01 yuan) in a bigint:
 * binary floating point cannot represent 0.10 exactly, and sums of fees must be exact to the fen.
 * Immutable; amounts travel as strings ("1234.50") across APIs and workflow histories.
 */
export class Money {
  private constructor(private readonly fen: bigint) {}

  /** '1234.50', '1234.5', '1234', '-0.01'. No thousands separators, exponents, signs other than '-', or blanks. */
  static parse(text: string): Money {
    if (typeof text !== 'string') throw new MoneyFormatError(text);
    const match = AMOUNT_PATTERN.exec(text);
    if (!match) throw new MoneyFormatError(text);
    const [, minus, yuan, decimals = ''] = match;
    const fen = BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, '0'));
    return new Money(minus ? -fen : fen);
  }

  static isValid(text: string): boolean {
    return typeof text === 'string' && AMOUNT_PATTERN.test(text);
  }

  static fromFen(fen: bigint | number): Money {
    if (typeof fen === 'number' && !Number.isSafeInteger(fen)) {
      throw new InvalidArgumentError('Fen must be a safe integer');
    }
    return new Money(BigInt(fen));
  }

  static zero(): Money {
    return new Money(0n);
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = 0n;
    for (const amount of amounts) total += amount.fen;
    return new Money(total);
  }

  add(other: Money): Money {
    return new Money(this.fen + other.fen);
  }

  subtract(other: Money): Money {
    return new Money(this.fen - other.fen);
  }

  /** Multiplies by a whole count (e.g. 4 seals at the same price). */
  times(count: number): Money {
    if (!Number.isSafeInteger(count)) throw new InvalidArgumentError('Money can only be multiplied by an integer');
    return new Money(this.fen * BigInt(count));
  }

  equals(other: Money): boolean {
    return this.fen === other.fen;
  }

  /** Negative, zero or positive, like a sort comparator. */
  compare(other: Money): number {
    return this.fen < other.fen ? -1 : this.fen > other.fen ? 1 : 0;
  }

  isZero(): boolean {
    return this.fen === 0n;
  }

  isNegative(): boolean {
    return this.fen < 0n;
  }

  isPositive(): boolean {
    return this.fen > 0n;
  }

  toFen(): bigint {
    return this.fen;
  }

  /** Always two decimals: '0.00', '1234.50', '-0.05'. Parses back to the same amount. */
  toString(): string {
    const negative = this.fen < 0n;
    const abs = negative ? -this.fen : this.fen;
    const yuan = abs / 100n;
    const fen = abs % 100n;
    return `${negative ? '-' : ''}${yuan}.${fen.toString().padStart(2, '0')}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** For people: '¥724,190.00'. Not parseable by Money.parse on purpose. */
  toDisplayString(): string {
    const [whole, decimals] = this.toString().replace('-', '').split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${this.isNegative() ? '-' : ''}¥${grouped}.${decimals}`;
  }
}
