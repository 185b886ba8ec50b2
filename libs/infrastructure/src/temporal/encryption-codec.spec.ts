import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY } from '@temporalio/common';
import { loadConfig, ConfigError } from '../config/load-config';
import { SharedConfig } from '../config/shared-config';
import { KeyRing } from '../crypto/key-ring';
import { ENCRYPTED_ENCODING, ENCRYPTION_KEY_ID_METADATA, EncryptionCodec, temporalDataConverter } from './encryption-codec';

const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString('utf8');
const key = (): string => randomBytes(32).toString('base64');
// A valid-looking resident ID number and mobile (synthetic).
const PERSONAL = { idNumber: '433101199001011234', mobile: '13812345678' };

describe('EncryptionCodec', () => {
  const first = `k1:${key()}`;
  const second = `k2:${key()}`;

  it('encrypts a payload so nothing of it is readable, and decodes it back', async () => {
    const codec = new EncryptionCodec(KeyRing.parse(first, 'k1'));
    const plain = defaultPayloadConverter.toPayload(PERSONAL);
    const [encrypted] = await codec.encode([plain]);

    expect(text(encrypted.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted.metadata?.[ENCRYPTION_KEY_ID_METADATA])).toBe('k1');
    expect(text(encrypted.data)).not.toContain(PERSONAL.idNumber);
    expect(text(encrypted.data)).not.toContain('json/plain');
    const [decoded] = await codec.decode([encrypted]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(PERSONAL);
  });

  it('uses a fresh nonce each time: the same value never encrypts to the same bytes', async () => {
    const codec = new EncryptionCodec(KeyRing.parse(first, 'k1'));
    const plain = defaultPayloadConverter.toPayload('case-1');
    const [a, b] = await codec.encode([plain, plain]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('leaves payloads written before the codec untouched, so old histories replay', async () => {
    const codec = new EncryptionCodec(KeyRing.parse(first, 'k1'));
    const legacy = defaultPayloadConverter.toPayload({ caseId: 'c-1' });
    const [decoded] = await codec.decode([legacy]);
    expect(decoded).toBe(legacy);
  });

  it('rotates keys: after k2 becomes active, payloads under k1 still decode and new ones use k2', async () => {
    const before = new EncryptionCodec(KeyRing.parse(first, 'k1'));
    const after = new EncryptionCodec(KeyRing.parse(`${first},${second}`, 'k2'));
    const [old] = await before.encode([defaultPayloadConverter.toPayload('written under k1')]);
    const [fresh] = await after.encode([defaultPayloadConverter.toPayload('written under k2')]);

    expect(text(fresh.metadata?.[ENCRYPTION_KEY_ID_METADATA])).toBe('k2');
    const [oldDecoded, freshDecoded] = await after.decode([old, fresh]);
    expect(defaultPayloadConverter.fromPayload(oldDecoded)).toBe('written under k1');
    expect(defaultPayloadConverter.fromPayload(freshDecoded)).toBe('written under k2');
  });

  it('refuses a payload under a key id it does not hold', async () => {
    const [underK1] = await new EncryptionCodec(KeyRing.parse(first, 'k1')).encode([defaultPayloadConverter.toPayload('x')]);
    const withoutK1 = new EncryptionCodec(KeyRing.parse(second, 'k2'));
    await expect(withoutK1.decode([underK1])).rejects.toThrow('unknown key id "k1"');
  });

  it('refuses a payload when the key under its id is the wrong one, or the data was altered', async () => {
    const [underK1] = await new EncryptionCodec(KeyRing.parse(first, 'k1')).encode([defaultPayloadConverter.toPayload('x')]);
    const impostor = new EncryptionCodec(KeyRing.parse(`k1:${key()}`, 'k1'));
    await expect(impostor.decode([underK1])).rejects.toThrow('wrong key or altered data');

    const altered = { ...underK1, data: Buffer.from(underK1.data!) };
    altered.data[altered.data.length - 20] ^= 1;
    await expect(new EncryptionCodec(KeyRing.parse(first, 'k1')).decode([altered])).rejects.toThrow('wrong key or altered data');
  });

  it('refuses a payload whose key id was swapped (the id is authenticated)', async () => {
    const ring = KeyRing.parse(`${first},${second}`, 'k1');
    const [underK1] = await new EncryptionCodec(ring).encode([defaultPayloadConverter.toPayload('x')]);
    const relabelled = { ...underK1, metadata: { ...underK1.metadata, [ENCRYPTION_KEY_ID_METADATA]: Buffer.from('k2') } };
    await expect(new EncryptionCodec(ring).decode([relabelled])).rejects.toThrow('wrong key or altered data');
  });
});

describe('KeyRing.parse', () => {
  const good = key();

  it.each([
    ['a 16-byte key', `k1:${randomBytes(16).toString('base64')}`, 'k1', 'must be 32 bytes'],
    ['a key that is not base64', `k1:${good.slice(0, -4)}!!!!`, 'k1', 'must be 32 bytes'],
    ['an entry without an id', good, 'k1', 'keyId:base64key'],
    ['an active id not in the list', `k1:${good}`, 'k9', 'active key id "k9" is not in the key list'],
    ['the same id twice', `k1:${good},k1:${key()}`, 'k1', 'appears twice'],
    ['nothing', ' , ', 'k1', 'no key given'],
  ])('refuses %s without quoting the key', (_name, setting, active, message) => {
    expect(() => KeyRing.parse(setting, active)).toThrow(message);
    try {
      KeyRing.parse(setting, active);
    } catch (error) {
      expect((error as Error).message).not.toContain(good);
    }
  });

  it('accepts a generated setting', () => {
    expect(KeyRing.parse(KeyRing.generateSetting('dev-1'), 'dev-1').activeKeyId).toBe('dev-1');
  });
});

describe('payload key configuration', () => {
  const base = { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:7233' };

  it('is required in production', () => {
    expect(() => loadConfig(SharedConfig, { ...base, NODE_ENV: 'production' })).toThrow(/TEMPORAL_PAYLOAD_KEYS \(missing\): must be set in production/);
  });

  it('is optional in development, where the converter then has no codec', () => {
    const config = loadConfig(SharedConfig, { ...base, NODE_ENV: 'development' });
    expect(temporalDataConverter(config).payloadCodecs ?? []).toHaveLength(0);
  });

  it('names a bad key without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    let problem: ConfigError | undefined;
    try {
      loadConfig(SharedConfig, { ...base, TEMPORAL_PAYLOAD_KEYS: `k1:${short}`, TEMPORAL_PAYLOAD_KEY_ID: 'k1' });
    } catch (error) {
      problem = error as ConfigError;
    }
    expect(problem?.message).toMatch(/TEMPORAL_PAYLOAD_KEYS \(value withheld\): key "k1" must be 32 bytes/);
    expect(problem?.message).not.toContain(short);
  });

  it('gives a converter with the codec when keys are set', () => {
    const config = loadConfig(SharedConfig, { ...base, TEMPORAL_PAYLOAD_KEYS: `k1:${key()}`, TEMPORAL_PAYLOAD_KEY_ID: 'k1' });
    expect(temporalDataConverter(config).payloadCodecs?.[0]).toBeInstanceOf(EncryptionCodec);
  });
});
