import { AliyunStyleSmsProvider } from './aliyun-style-sms.provider';
import { SmsProvider } from './sms-provider';

/** The settings an SMS adapter is built from (SharedConfig has them). */
export interface SmsConfig {
  SMS_PROVIDER: 'aliyun' | 'none';
  SMS_ENDPOINT: string;
  SMS_ACCESS_KEY_ID: string;
  SMS_ACCESS_KEY_SECRET: string;
  SMS_SIGN_NAME: string;
  SMS_TEMPLATE_CODES: string;
}

export function parseTemplateCodes(text: string): Map<string, string> {
  return new Map(
    text
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => pair.split('=').map((part) => part.trim()) as [string, string]),
  );
}

/** The configured adapter, or null when SMS is off (SMS_PROVIDER=none). */
export function smsProviderFromConfig(config: SmsConfig, timeoutMs = 10_000): SmsProvider | null {
  if (config.SMS_PROVIDER === 'none') return null;
  return new AliyunStyleSmsProvider({
    endpoint: config.SMS_ENDPOINT,
    accessKeyId: config.SMS_ACCESS_KEY_ID,
    accessKeySecret: config.SMS_ACCESS_KEY_SECRET,
    signName: config.SMS_SIGN_NAME,
    templateCodes: parseTemplateCodes(config.SMS_TEMPLATE_CODES),
    timeoutMs,
  });
}
