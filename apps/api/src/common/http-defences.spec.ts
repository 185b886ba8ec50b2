import fc from 'fast-check';
import { parseOrigins, parseTrustProxy } from '../config/api.config';
import { unsafeBodyPart, jsonDeeperThan } from './http-defences';

const safeKey = fc.string({ maxLength: 8 }).filter((key) => !key.includes('\u0000') && !['__proto__', 'constructor', 'prototype'].includes(key));
const safeJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string().filter((text) => !text.includes('\u0000')), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(safeKey, tie('value'), { maxKeys: 3 }),
})).value;

describe('unsafeBodyPart', () => {
  it('passes any body without a NUL character or a prototype key', () => {
    fc.assert(fc.property(safeJson, (body) => unsafeBodyPart(body) === undefined));
  });

  it('finds a NUL character or a prototype key wherever it is, and names its path', () => {
    fc.assert(
      fc.property(safeJson, fc.constantFrom('a\u0000b', 'proto'), fc.array(safeKey.filter((key) => key.length > 0 && key !== 'other' && !/^\d+$/.test(key)), { minLength: 1, maxLength: 3 }), (filler, poison, path) => {
        const leaf: Record<string, unknown> = poison === 'proto' ? JSON.parse('{"__proto__": {"polluted": true}}') : { [path[path.length - 1]]: poison };
        const body = path.slice(0, -1).reduceRight<unknown>((inner, key) => ({ [key]: inner, other: filler }), leaf);
        const found = unsafeBodyPart(body);
        const expected = poison === 'proto' ? [...path.slice(0, -1), '__proto__'].join('.') : path.join('.');
        return found?.path === expected;
      }),
    );
  });
});

describe('proxy and origin settings', () => {
  it('reads TRUST_PROXY as Express takes it', () => {
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => parseTrustProxy('everyone')).toThrow(/everyone/);
  });

  it('accepts exact origins only', () => {
    expect(parseOrigins('')).toEqual([]);
    expect(parseOrigins('https://a.example, http://localhost:5173')).toEqual(['https://a.example', 'http://localhost:5173']);
    for (const bad of ['*', 'https://a.example/', 'a.example', 'https://*.example']) expect(() => parseOrigins(bad)).toThrow(/origin/);
  });
});

describe('jsonDeeperThan', () => {
  it('counts nesting of objects and arrays, not brackets inside strings', () => {
    expect(jsonDeeperThan('[[[]]]', 3)).toBe(false);
    expect(jsonDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(jsonDeeperThan('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false);
    expect(jsonDeeperThan('{"a":{"b":[1,{"c":2}]}}', 3)).toBe(true);
    expect(jsonDeeperThan('{"a":"[[[[[[\\"{{{{"}', 1)).toBe(false);
    expect(jsonDeeperThan(Buffer.from('['.repeat(2000) + ']'.repeat(2000)), 32)).toBe(true);
  });
});
