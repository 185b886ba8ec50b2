import { createHmac } from 'node:crypto';
import { percentEncode, rpcSignature, rpcStringToSign } from './aliyun-signature';
import { AliyunStyleSmsProvider, defaultTemplateCode } from './aliyun-style-sms.provider';

describe('Aliyun-style SMS requests', () => {
  const provider = new AliyunStyleSmsProvider({
    endpoint: 'http://127.0.0.1:1/sms',
    accessKeyId: 'key-id',
    accessKeySecret: 'key-secret',
    signName: '一件事一次办',
    templateCodes: new Map([['COMPLETED', 'SMS_123456']]),
    timeoutMs: 1000,
  });
  const message = { phoneNumber: '13800001111', templateKey: 'COMPLETED', params: { caseRef: 'AB12CD34', uscc: 'X' }, dedupeKey: 'case:COMPLETED/SMS' };

  it('percent-encodes per RFC 3986 (space as %20, * and ~ as the API wants)', () => {
    expect(percentEncode("a b*c~d'!(")).toBe('a%20b%2Ac~d%27%21%28');
    expect(percentEncode('一')).toBe('%E4%B8%80');
  });

  it('signs the sorted, encoded parameters with HMAC-SHA1 keyed by the secret and "&"', () => {
    const params = provider.requestParams(message, new Date('2026-12-02T01:02:03.456Z'), 'nonce-1');
    expect(params).toMatchObject({ Action: 'SendSms', TemplateCode: 'SMS_123456', OutId: 'case:COMPLETED/SMS', Timestamp: '2026-12-02T01:02:03Z', SignatureMethod: 'HMAC-SHA1', PhoneNumbers: '13800001111' });
    expect(rpcStringToSign('POST', { b: '2', a: 'x y' })).toBe('POST&%2F&a%3Dx%2520y%26b%3D2');
    const { Signature, ...unsigned } = params;
    const canonical = Object.keys(unsigned).sort().map((key) => `${percentEncode(key)}=${percentEncode(unsigned[key])}`).join('&');
    expect(Signature).toBe(createHmac('sha1', 'key-secret&').update(`POST&%2F&${percentEncode(canonical)}`).digest('base64'));
    // Any changed parameter changes the signature; another secret does too.
    expect(rpcSignature('POST', { ...unsigned, PhoneNumbers: '13800001112' }, 'key-secret')).not.toBe(Signature);
    expect(rpcSignature('POST', unsigned, 'other')).not.toBe(Signature);
  });

  it('uses the default code of a template the settings do not map', () => {
    expect(provider.requestParams({ ...message, templateKey: '*' }, new Date(), 'n').TemplateCode).toBe(defaultTemplateCode('*'));
    expect(defaultTemplateCode('*')).toBe('SMS_ONETRIP_GENERIC');
  });
});
