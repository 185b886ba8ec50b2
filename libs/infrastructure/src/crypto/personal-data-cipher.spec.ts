import { randomBytes } from 'node:crypto';
import { sampleApplicationForm } from '@onetrip/domain';
import { loadConfig } from '../config/load-config';
import { SharedConfig } from '../config/shared-config';
import { KeyRing } from './key-ring';
import { isSealed, PersonalDataCipher, personalDataCipher } from './personal-data-cipher';

const ring = (setting: string, active: string): PersonalDataCipher => PersonalDataCipher.withKeys(KeyRing.parse(setting, active));
const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;
const PLAIN_ID = /(?<!\d)\d{17}[\dXx](?![\dXx])/;
const PLAIN_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe('PersonalDataCipher', () => {
  const cipher = ring(k1, 'k1');

  it('seals the ID numbers and mobiles of a form and nothing else, and opens them back', () => {
    const form = sampleApplicationForm();
    const sealed = cipher.sealFields(form);
    const text = JSON.stringify(sealed);
    expect(text).not.toMatch(PLAIN_ID);
    expect(text).not.toMatch(PLAIN_MOBILE);
    expect(isSealed(sealed.legalRepresentative.idNumber)).toBe(true);
    expect(isSealed(sealed.socialInsurance.employees[0].idNumber)).toBe(true);
    // Names, the company, the entity shareholder's USCC stay readable (and queryable).
    expect(sealed.legalRepresentative.name).toBe(form.legalRepresentative.name);
    expect(sealed.company).toEqual(form.company);
    expect(sealed.shareholders[1]).toEqual(form.shareholders[1]);
    expect(cipher.openFields(sealed)).toEqual(form);
    expect(form.legalRepresentative.idNumber).toMatch(PLAIN_ID); // the input is not modified
  });

  it('seals a correction\'s changes by path, whole objects included', () => {
    const form = sampleApplicationForm();
    const changes = { 'legalRepresentative.mobile': '13912345678', 'shareholders[0]': form.shareholders[0], 'tax.taxpayerType': 'GENERAL', legalRepresentative: form.legalRepresentative };
    const sealed = cipher.sealFields(changes);
    expect(JSON.stringify(sealed)).not.toMatch(PLAIN_ID);
    expect(JSON.stringify(sealed)).not.toMatch(PLAIN_MOBILE);
    expect(sealed['tax.taxpayerType']).toBe('GENERAL');
    expect(cipher.openFields(sealed)).toEqual(changes);
  });

  it("seals a definition's x-personal-data paths (any field name, every element of an array), in a form and in a correction's changes", () => {
    const form = { owner: { name: '张三', licenceNo: 'L-1' }, staff: [{ name: '李四', badge: 'B-7' }, { name: '王五', badge: 'B-8' }], note: 'L-1' };
    const paths = ['owner.licenceNo', 'staff[].badge'];
    const sealed = cipher.sealFields(form, paths);
    expect(isSealed(sealed.owner.licenceNo)).toBe(true);
    expect(sealed.staff.map((member) => isSealed(member.badge))).toEqual([true, true]);
    // Only those paths: the same text elsewhere, and the names, stay readable.
    expect(sealed.note).toBe('L-1');
    expect(sealed.staff[1].name).toBe('王五');
    expect(cipher.openFields(sealed)).toEqual(form);
    const changes = cipher.sealFields({ 'staff[1].badge': 'B-9', 'staff[1]': { name: '赵六', badge: 'B-10' }, 'owner.name': '张三' }, paths);
    expect(isSealed(changes['staff[1].badge'])).toBe(true);
    expect(isSealed(changes['staff[1]'].badge)).toBe(true);
    expect(changes['owner.name']).toBe('张三');
  });

  it('reads values written before encryption as they are, and seals each value once', () => {
    const form = sampleApplicationForm();
    expect(cipher.openFields(form)).toEqual(form);
    const once = cipher.sealFields(form);
    expect(cipher.sealFields(once)).toEqual(once);
  });

  it('never gives the same ciphertext twice for one value (no equality leak)', () => {
    expect(cipher.seal('13912345678')).not.toBe(cipher.seal('13912345678'));
  });

  it('rotates: values under k1 still open after k2 becomes active; without k1 they do not', () => {
    const old = cipher.seal('13912345678');
    const rotated = ring(`${k1},${k2}`, 'k2');
    expect(rotated.open(old)).toBe('13912345678');
    expect(rotated.seal('13912345678')).toMatch(/^pd1:k2:/);
    expect(() => ring(k2, 'k2').open(old)).toThrow('unknown key id "k1"');
    expect(() => ring(`k1:${randomBytes(32).toString('base64')}`, 'k1').open(old)).toThrow('wrong key or altered data');
  });

  it('without keys (development) stores plain values and refuses to pretend it can read sealed ones', () => {
    const plain = PersonalDataCipher.plaintext();
    const form = sampleApplicationForm();
    expect(plain.sealFields(form)).toEqual(form);
    expect(() => plain.open(cipher.seal('13912345678'))).toThrow('no PERSONAL_DATA_KEYS');
  });

  it('is built from the configuration, and required in production', () => {
    const base = { DATABASE_URL: 'postgres://a@b/c', TEMPORAL_ADDRESS: '127.0.0.1:7233' };
    expect(personalDataCipher(loadConfig(SharedConfig, { ...base, PERSONAL_DATA_KEYS: k1, PERSONAL_DATA_KEY_ID: 'k1' })).encrypts).toBe(true);
    expect(personalDataCipher(loadConfig(SharedConfig, base)).encrypts).toBe(false);
    expect(() => loadConfig(SharedConfig, { ...base, NODE_ENV: 'production', TEMPORAL_PAYLOAD_KEYS: k1, TEMPORAL_PAYLOAD_KEY_ID: 'k1' })).toThrow(/PERSONAL_DATA_KEYS \(missing\): must be set in production/);
  });
});

describe('PersonalDataCipher.openFields, read again and again (an AUTO case reads its form at every step)', () => {
  it('deciphers each sealed value once, and a value sealed again (new IV) or under another key on its own', () => {
    const keys = KeyRing.parse(`${k1},${k2}`, 'k1');
    const decrypt = jest.spyOn(keys, 'decrypt');
    const cipher = PersonalDataCipher.withKeys(keys);
    const form = sampleApplicationForm();
    const sealed = JSON.parse(JSON.stringify(cipher.sealFields(form))) as typeof form;
    const fields = JSON.stringify(sealed).match(/pd1:/g)!.length;
    expect(cipher.openFields(sealed)).toEqual(form);
    expect(decrypt).toHaveBeenCalledTimes(fields);
    for (let read = 0; read < 5; read++) expect(cipher.openFields(JSON.parse(JSON.stringify(sealed)))).toEqual(form);
    expect(decrypt).toHaveBeenCalledTimes(fields);
    // The same plain value sealed again is another sealed text: opened by its own decipher, to the same value.
    const resealed = cipher.sealFields(form);
    expect(cipher.openFields(resealed)).toEqual(form);
    expect(decrypt).toHaveBeenCalledTimes(2 * fields);
    // A wrong sealed value still fails, cached neighbours or not.
    const broken = `${sealed.legalRepresentative.idNumber.slice(0, -4)}AAAA`;
    expect(() => cipher.open(broken)).toThrow(/cannot decrypt/);
  });
});
