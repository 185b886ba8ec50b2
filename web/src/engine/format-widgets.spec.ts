import { Money } from '@onetrip/domain';
import { normaliseMoney } from './format-widgets';

// Amounts as applicants type them (issue 17, item 9): the money field turns them into the API's format.

describe('normaliseMoney', () => {
  it.each([
    ['50万', '500000.00'],
    ['500,000', '500000.00'],
    ['500 000', '500000.00'],
    ['1,234.5', '1234.50'],
    ['１２万', '120000.00'],
    ['¥3.5万', '35000.00'],
    ['0.0125万', '125.00'],
    ['2亿', '200000000.00'],
    ['800元', '800.00'],
    ['500000.00', '500000.00'],
  ])('reads %s as %s', (typed, expected) => {
    expect(normaliseMoney(typed)).toBe(expected);
    expect(Money.isValid(expected)).toBe(true);
  });

  it.each([['五十万'], ['50万元整'], ['1.234'], ['0.0000001万'], [''], ['-5'], ['1e5']])('leaves %s for the field check to refuse', (typed) => {
    expect(normaliseMoney(typed)).toBeNull();
  });
});
