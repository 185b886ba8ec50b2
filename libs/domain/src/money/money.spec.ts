import fc from 'fast-check';
import { Money, MoneyFormatError } from './money';

const fenArb = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

describe('Money', () => {
  it('parses yuan strings with up to two decimals', () => {
    expect(Money.parse('1234.50').toFen()).toBe(123450n);
    expect(Money.parse('1234.5').toFen()).toBe(123450n);
    expect(Money.parse('1234').toFen()).toBe(123400n);
    expect(Money.parse('0.01').toFen()).toBe(1n);
    expect(Money.parse('-0.05').toFen()).toBe(-5n);
    expect(Money.parse('007.00').toString()).toBe('7.00');
  });

  it('rejects anything else with a coded, readable error', () => {
    for (const bad of ['12.345', '1,234.50', '1e3', ' 12', '12 ', '', '.5', '5.', '+5', '¥5', '5.0.0', 'NaN', '0x10']) {
      expect(() => Money.parse(bad)).toThrow(MoneyFormatError);
      expect(Money.isValid(bad)).toBe(false);
    }
    try {
      Money.parse('12.345');
      throw new Error('unreachable');
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyFormatError);
      expect((error as MoneyFormatError).code).toBe('MONEY_FORMAT');
      expect((error as MoneyFormatError).message).toContain('"12.345"');
      expect((error as MoneyFormatError).message).toContain('at most 2 decimals');
    }
    expect(() => Money.parse(12 as unknown as string)).toThrow(MoneyFormatError);
  });

  it('keeps personal data out of the error message', () => {
    expect(() => Money.parse('433101199001011234')).not.toThrow();
    expect(() => Money.parse('ID 433101199001011234')).toThrow(/433101\*{8}1234/);
  });

  it('formats with exactly two decimals', () => {
    expect(Money.zero().toString()).toBe('0.00');
    expect(Money.fromFen(5).toString()).toBe('0.05');
    expect(Money.fromFen(-5).toString()).toBe('-0.05');
    expect(Money.fromFen(-100).toString()).toBe('-1.00');
    expect(Money.parse('-0.00').toString()).toBe('0.00');
    expect(JSON.stringify({ fee: Money.parse('690') })).toBe('{"fee":"690.00"}');
    expect(Money.parse('724190').toDisplayString()).toBe('¥724,190.00');
    expect(Money.parse('-1234567.8').toDisplayString()).toBe('-¥1,234,567.80');
  });

  it('adds exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(Money.parse('0.1').add(Money.parse('0.2')).equals(Money.parse('0.3'))).toBe(true);
    expect(Money.parse('690.00').subtract(Money.parse('240.00')).toString()).toBe('450.00');
    expect(Money.parse('150').times(3).toString()).toBe('450.00');
    expect(() => Money.parse('150').times(1.5)).toThrow();
    expect(() => Money.fromFen(0.5)).toThrow();
  });

  it('compares and classifies', () => {
    expect(Money.parse('1.00').compare(Money.parse('0.99'))).toBe(1);
    expect(Money.parse('0.99').compare(Money.parse('1.00'))).toBe(-1);
    expect(Money.parse('1').compare(Money.parse('1.00'))).toBe(0);
    expect(Money.zero().isZero()).toBe(true);
    expect(Money.parse('0.01').isZero()).toBe(false);
    expect(Money.parse('-0.01').isNegative()).toBe(true);
    expect(Money.parse('0.01').isPositive()).toBe(true);
    expect(Money.sum([])).toEqual(Money.zero());
  });

  it('round-trips through its string form', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const money = Money.fromFen(fen);
        expect(Money.parse(money.toString()).toFen()).toBe(fen);
        expect(money.toString()).toMatch(/^-?\d+\.\d{2}$/);
      }),
    );
  });

  it('sums exactly: the formatted sum parses back to the sum of the fen', () => {
    fc.assert(
      fc.property(fc.array(fenArb, { maxLength: 30 }), (fens) => {
        const texts = fens.map((fen) => Money.fromFen(fen).toString());
        const total = Money.sum(texts.map((t) => Money.parse(t)));
        expect(total.toFen()).toBe(fens.reduce((a, b) => a + b, 0n));
        expect(Money.parse(total.toString()).equals(total)).toBe(true);
      }),
    );
  });

  it('makes add and subtract inverse and add commutative', () => {
    fc.assert(
      fc.property(fenArb, fenArb, (a, b) => {
        const x = Money.fromFen(a);
        const y = Money.fromFen(b);
        expect(x.add(y).subtract(y).equals(x)).toBe(true);
        expect(x.add(y).equals(y.add(x))).toBe(true);
        expect(x.subtract(x).isZero()).toBe(true);
      }),
    );
  });
});
