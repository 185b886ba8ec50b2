import { Injectable, Logger } from '@nestjs/common';
import { isValidMobile, maskMobile, SMS_TEMPLATES, smsParams } from '@onetrip/domain';
import { SmsProvider, smsProviderFromConfig, SmsReceipt, SmsSendError } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';

/**
 * Sends one text message now, through the configured provider (SMS_PROVIDER), for callers that cannot
 * wait for the outbox (a one-time code). Notifications about cases go through the outbox and the relay
 * instead. The mobile is never logged whole. See docs/notifications.md.
 */
@Injectable()
export class SmsService {
  private readonly logger = new Logger(SmsService.name);
  private readonly provider: SmsProvider | null;

  constructor(config: ApiConfig) {
    this.provider = smsProviderFromConfig(config);
  }

  get enabled(): boolean {
    return this.provider !== null;
  }

  /**
   * `templateKey` is a key of SMS_TEMPLATES (e.g. VERIFICATION_CODE with `{ code }`); `dedupeKey` makes a
   * retried call one message at the provider. Throws SmsSendError (permanent or not) when it is refused,
   * and when SMS is off.
   */
  async send(phoneNumber: string, templateKey: string, params: Record<string, string>, dedupeKey: string): Promise<SmsReceipt> {
    if (!this.provider) throw new SmsSendError('SMS is off (SMS_PROVIDER=none)', true);
    if (!isValidMobile(phoneNumber)) throw new SmsSendError('not a mainland mobile number', true);
    if (!(templateKey in SMS_TEMPLATES)) throw new SmsSendError(`unknown SMS template ${templateKey}`, true);
    const receipt = await this.provider.send({ phoneNumber, templateKey, params: smsParams(templateKey, params), dedupeKey });
    this.logger.log(`SMS ${templateKey} sent to ${maskMobile(phoneNumber)}`);
    return receipt;
  }

  /** The one-time code message (验证码) the walk-in account confirmation can use. */
  sendVerificationCode(phoneNumber: string, code: string, dedupeKey: string): Promise<SmsReceipt> {
    return this.send(phoneNumber, 'VERIFICATION_CODE', { code }, dedupeKey);
  }
}
