import { ENTERPRISE_OPENING_V1 } from '../processes/shipped-definitions';
import { canonicalJson, definitionChecksum, sha256Hex } from './definition-checksum';

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, 'utf8'));

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('matches the FIPS 180-4 test vector for %j', (text, digest) => {
    expect(sha256Hex(bytes(text))).toBe(digest);
  });
});

describe('definitionChecksum', () => {
  it('is the sha256 of the canonical JSON, UTF-8 encoded (the same as Node crypto computes)', () => {
    // Node's crypto is fine in a test: it checks the plain implementation on a large, non-ASCII document.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    const expected = createHash('sha256').update(canonicalJson(ENTERPRISE_OPENING_V1), 'utf8').digest('hex');
    expect(definitionChecksum(ENTERPRISE_OPENING_V1)).toBe(expected);
  });

  it('ignores key order and whitespace, and sees any change of value', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, '二'], c: null } })).toBe('{"a":{"c":null,"d":[1,"二"]},"b":1}');
    expect(definitionChecksum({ b: 1, a: 2 })).toBe(definitionChecksum({ a: 2, b: 1 }));
    expect(definitionChecksum({ a: 2, b: 1 })).not.toBe(definitionChecksum({ a: 2, b: 2 }));
    expect(definitionChecksum({ a: [1, 2] })).not.toBe(definitionChecksum({ a: [2, 1] }));
  });
});
