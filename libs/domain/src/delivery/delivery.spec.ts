import { DELIVERY_METHODS, type DeliveryMethod } from '../application/application-form';
import { tripsRequired } from './delivery';

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
