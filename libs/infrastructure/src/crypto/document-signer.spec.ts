import { documentBytes, documentHash, DocumentSigner, DocumentSigningKeyError } from './document-signer';

const content = (keyId: string) => ({ code: 'ABCDEFGH23456789', kind: 'OUTCOME', keyId, enterprise: { name: '吉首市湘西好物有限公司', uscc: null }, fees: { applicantTotal: '0.00' } });

describe('DocumentSigner (Ed25519 over canonical JSON)', () => {
  const k1 = DocumentSigner.generateSetting('doc-1');
  const k2 = DocumentSigner.generateSetting('doc-2');

  it('signs the canonical bytes: key order does not matter, any changed value does', () => {
    const signer = DocumentSigner.parse(k1, 'doc-1');
    const { signature, contentHash } = signer.sign(content('doc-1'));
    const reordered = { fees: { applicantTotal: '0.00' }, enterprise: { uscc: null, name: '吉首市湘西好物有限公司' }, keyId: 'doc-1', kind: 'OUTCOME', code: 'ABCDEFGH23456789' };
    expect(documentBytes(reordered).equals(documentBytes(content('doc-1')))).toBe(true);
    expect(signer.check(reordered, signature, contentHash)).toEqual({ ok: true });

    const tampered = { ...content('doc-1'), fees: { applicantTotal: '1.00' } };
    expect(signer.check(tampered, signature, contentHash)).toEqual({ ok: false, reason: 'CONTENT_HASH_MISMATCH' });
    // Hash updated by whoever changed the content: the signature still refuses it.
    expect(signer.check(tampered, signature, documentHash(tampered))).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    const flipped = Buffer.from(signature, 'base64');
    flipped[0] ^= 1;
    expect(signer.check(content('doc-1'), flipped.toString('base64'), contentHash)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
  });

  it('keeps verifying what a retired key signed after rotation, and signs new content with the new key', () => {
    const before = DocumentSigner.parse(k1, 'doc-1');
    const old = before.sign(content('doc-1'));
    const after = DocumentSigner.parse(`${k1},${k2}`, 'doc-2');
    expect(after.check(content('doc-1'), old.signature, old.contentHash)).toEqual({ ok: true });
    const fresh = after.sign(content('doc-2'));
    expect(after.check(content('doc-2'), fresh.signature, fresh.contentHash)).toEqual({ ok: true });
    // A signature made under doc-1 does not pass as doc-2's (the key id is signed too).
    expect(after.check(content('doc-2'), old.signature, documentHash(content('doc-2')))).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    // The old key dropped from the ring: its documents cannot be checked any more.
    expect(DocumentSigner.parse(k2, 'doc-2').check(content('doc-1'), old.signature, old.contentHash)).toEqual({ ok: false, reason: 'UNKNOWN_KEY' });
  });

  it('refuses to sign content that names another key than the active one', () => {
    expect(() => DocumentSigner.parse(`${k1},${k2}`, 'doc-2').sign(content('doc-1'))).toThrow(DocumentSigningKeyError);
  });

  it('refuses malformed rings without quoting a key', () => {
    expect(() => DocumentSigner.parse('doc-1:c2hvcnQ=', 'doc-1')).toThrow(/32-byte Ed25519 seed/);
    expect(() => DocumentSigner.parse(k1, 'doc-9')).toThrow(/not in the key list/);
    expect(() => DocumentSigner.parse(`${k1},${k1}`, 'doc-1')).toThrow(/appears twice/);
    try {
      DocumentSigner.parse('bad id:AAAA', 'x');
    } catch (error) {
      expect((error as Error).message).not.toContain('AAAA');
    }
  });

  it('publishes the public key of each id for offline checks', () => {
    const signer = DocumentSigner.parse(`${k1},${k2}`, 'doc-2');
    expect(signer.publicKeyPem('doc-1')).toMatch(/BEGIN PUBLIC KEY/);
    expect(signer.publicKeyPem('doc-3')).toBeNull();
  });
});
