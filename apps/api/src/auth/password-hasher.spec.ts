import fc from 'fast-check';
import { hashPassword, needsRehash, verifyPassword, type ScryptParameters } from './password-hasher';

// Small parameters keep the property tests fast; the format and the comparison are the same.
const FAST: ScryptParameters = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores scrypt$N$r$p$salt$hash with the default, slow parameters', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterz', stored)).toBe(false);
  });

  it('asks for a rehash of hashes weaker than the default, not of current ones', async () => {
    expect(needsRehash(await hashPassword('old-password', FAST))).toBe(true);
    expect(needsRehash(await hashPassword('old-password', { N: 2 ** 15, r: 8, p: 1 }))).toBe(true);
    expect(needsRehash(await hashPassword('new-password'))).toBe(false);
    expect(needsRehash('not-a-hash')).toBe(false);
  });

  it('salts: the same password hashes differently each time, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password', FAST), hashPassword('same-password', FAST)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password', a)).toBe(true);
    expect(await verifyPassword('same-password', b)).toBe(true);
  });

  it('verifies exactly the password it hashed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (password, other) => {
        const stored = await hashPassword(password, FAST);
        expect(await verifyPassword(password, stored)).toBe(true);
        if (other.normalize('NFKC') !== password.normalize('NFKC')) expect(await verifyPassword(other, stored)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    '',
    'plain-text',
    'bcrypt$10$abc$def',
    'scrypt$1000$8$1$c2FsdA==$aGFzaA==', // N not a power of two
    'scrypt$2097152$8$1$c2FsdA==$aGFzaA==', // N beyond the limit
    'scrypt$1024$0$1$c2FsdA==$aGFzaA==',
    'scrypt$1024$8$1$$aGFzaA==',
  ])('never matches a malformed stored hash %j', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
