import { randomUUID } from 'node:crypto';
import { rpcSignature } from './aliyun-signature';
import { SmsMessage, SmsProvider, SmsReceipt, SmsSendError } from './sms-provider';

export interface AliyunStyleSmsSettings {
  /** The API's address, e.g. https://dysmsapi.aliyuncs.com/ (or the local stub's). */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved signature (签名) shown before every message, e.g. 一件事一次办. */
  signName: string;
  /** Template key → the provider's template code; a key without one uses `defaultTemplateCode(key)`. */
  templateCodes: ReadonlyMap<string, string>;
  timeoutMs: number;
}

/** The code a template is registered under unless SMS_TEMPLATE_CODES says otherwise (the local stub knows these). */
export function defaultTemplateCode(templateKey: string): string {
  return `SMS_ONETRIP_${templateKey === '*' ? 'GENERIC' : templateKey}`;
}

// Provider codes after which the same request can never succeed (the rest, and HTTP 5xx, are retried).
const PERMANENT_CODES = new Set(['isv.MOBILE_NUMBER_ILLEGAL', 'isv.SMS_TEMPLATE_ILLEGAL', 'isv.SMS_SIGNATURE_ILLEGAL', 'isv.TEMPLATE_MISSING_PARAMETERS', 'isv.INVALID_PARAMETERS', 'isv.MOBILE_COUNT_OVER_LIMIT', 'SignatureDoesNotMatch', 'InvalidAccessKeyId.NotFound']);

/** An adapter shaped like Aliyun's SendSms (RPC style, version 2017-05-25): signed form POST, JSON answer. */
export class AliyunStyleSmsProvider implements SmsProvider {
  readonly name = 'aliyun';

  constructor(private readonly settings: AliyunStyleSmsSettings) {}

  /** The signed form parameters of one send (exposed for tests of the wire format). */
  requestParams(message: SmsMessage, now: Date, nonce: string): Record<string, string> {
    const params: Record<string, string> = {
      AccessKeyId: this.settings.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      OutId: message.dedupeKey,
      PhoneNumbers: message.phoneNumber,
      SignName: this.settings.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce,
      SignatureVersion: '1.0',
      TemplateCode: this.settings.templateCodes.get(message.templateKey) ?? defaultTemplateCode(message.templateKey),
      TemplateParam: JSON.stringify(message.params),
      Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    return { ...params, Signature: rpcSignature('POST', params, this.settings.accessKeySecret) };
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    let response: Response;
    try {
      response = await fetch(this.settings.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(this.requestParams(message, new Date(), randomUUID())).toString(),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new SmsSendError(`SMS provider unreachable: ${error instanceof Error ? error.message : String(error)}`, false);
    }
    const answer = (await response.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string };
    if (response.ok && answer.Code === 'OK' && answer.BizId) return { providerRef: answer.BizId };
    const code = answer.Code ?? `HTTP_${response.status}`;
    throw new SmsSendError(`SMS provider refused: ${code}${answer.Message ? ` (${answer.Message})` : ''}`, PERMANENT_CODES.has(code), code);
  }
}
