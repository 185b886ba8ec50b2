import { isUuid } from './uuid';

describe('isUuid', () => {
  it('accepts a UUID in either case and refuses anything a uuid cast would fail on', () => {
    expect(isUuid('48359445-e531-4114-8677-18484043986b')).toBe(true);
    expect(isUuid('48359445-E531-4114-8677-18484043986B')).toBe(true);
    for (const value of ['-'.repeat(36), '48359445-e531-4114-8677-18484043986', ' 48359445-e531-4114-8677-18484043986b', 'x', 42, null]) expect(isUuid(value)).toBe(false);
  });
});
