import { DELIVERY_METHODS, type DeliveryMethod } from '../application/application-form';
import { isS10Number, mailTrackingNumber, s10CheckDigit, s10Number, tripsRequired } from './delivery';

describe('tripsRequired', () => {
  it('is one trip for a window pickup and none for free mail', () => {
    expect(tripsRequired('WINDOW_PICKUP')).toBe(1);
    expect(tripsRequired('FREE_MAIL')).toBe(0);
  });

  it('never exceeds the one-trip promise', () => {
    for (const method of DELIVERY_METHODS) expect(tripsRequired(method)).toBeLessThanOrEqual(1);
    expect(tripsRequired('DRONE' as DeliveryMethod)).toBeUndefined();
  });
});

describe('mailTrackingNumber', () => {
  it('is an S10 number with a valid check digit, the same for the same licence', () => {
    // By hand: 4·8 + 7·6 + 3·4 + 1·2 + 2·3 + 4·5 + 8·9 + 2·7 = 200; 11 − 200 mod 11 = 9. A remainder of 1 gives 0, of 0 gives 5.
    expect(s10CheckDigit('47312482')).toBe(9);
    expect(s10CheckDigit('00000000')).toBe(5);
    const number = mailTrackingNumber('433101000000123');
    expect(number).toMatch(/^EA\d{9}CN$/);
    expect(s10CheckDigit(number.slice(2, 10))).toBe(Number(number[10]));
    expect(mailTrackingNumber('433101000000123')).toBe(number);
    expect(mailTrackingNumber('433101000000124')).not.toBe(number);
  });
});

describe('s10Number / isS10Number', () => {
  it('builds an S10 number with its check digit and recognises only right ones', () => {
    expect(s10Number('EA', '47312482')).toBe('EA473124829CN');
    expect(isS10Number('EA473124829CN')).toBe(true);
    // One digit off, a wrong check digit, lower case, the wrong length: not one.
    expect(isS10Number('EA473124839CN')).toBe(false);
    expect(isS10Number('EA473124828CN')).toBe(false);
    expect(isS10Number('ea473124829cn')).toBe(false);
    expect(isS10Number('EA47312482CN')).toBe(false);
    expect(isS10Number(null)).toBe(false);
  });
});
