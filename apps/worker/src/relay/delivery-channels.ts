import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { maskEmail, maskMobile, NotificationChannel, NotificationParams, renderEmail, smsParams, smsTemplateOf } from '@onetrip/domain';
import { PersonalDataCipher, SmsProvider, SmsSendError } from '@onetrip/infrastructure';
import type { ClaimedDelivery } from './delivery.store';

/** What one send came to. `permanent`: retrying cannot help (dead letter at once). */
export type SendResult = { kind: 'SENT'; providerRef?: string } | { kind: 'SKIPPED'; note: string } | { kind: 'FAILED'; error: string; permanent: boolean };

/** One channel: sends one claimed delivery. `recipient` is the masked address, for the log line. */
export interface DeliveryChannel {
  send(delivery: ClaimedDelivery, params: NotificationParams): Promise<SendResult>;
  recipient(delivery: ClaimedDelivery): string;
}

/** The Message-ID of a delivery: the same for every attempt, so a mailbox drops a second copy. */
export function messageIdOf(dedupeKey: string, domain = 'onetrip.local'): string {
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}.notification@${domain}>`;
}

export class EmailChannel implements DeliveryChannel {
  constructor(
    private readonly transport: Transporter | null,
    private readonly from: string,
    private readonly cipher: PersonalDataCipher,
  ) {}

  recipient(delivery: ClaimedDelivery): string {
    return delivery.sealedEmail ? maskEmail(this.cipher.open(delivery.sealedEmail)) : '-';
  }

  async send(delivery: ClaimedDelivery, params: NotificationParams): Promise<SendResult> {
    if (!this.transport) return { kind: 'SKIPPED', note: 'e-mail is off (SMTP_URL not set)' };
    if (!delivery.sealedEmail) return { kind: 'SKIPPED', note: 'the applicant gave no e-mail address' };
    const mail = renderEmail(delivery.kind, delivery.locale, params);
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: this.cipher.open(delivery.sealedEmail),
        subject: mail.subject,
        text: mail.text,
        messageId: messageIdOf(delivery.dedupeKey),
        headers: { 'X-OneTrip-Dedupe-Key': delivery.dedupeKey },
      })) as { messageId?: string; response?: string };
      return { kind: 'SENT', providerRef: info.messageId };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx: the server refused this message for good (no such mailbox, …); anything else may pass later.
      return { kind: 'FAILED', error: error instanceof Error ? error.message : String(error), permanent: typeof code === 'number' && code >= 500 };
    }
  }
}

export class SmsChannel implements DeliveryChannel {
  constructor(
    private readonly provider: SmsProvider | null,
    private readonly cipher: PersonalDataCipher,
  ) {}

  recipient(delivery: ClaimedDelivery): string {
    return delivery.sealedMobile ? maskMobile(this.cipher.open(delivery.sealedMobile)) : '-';
  }

  async send(delivery: ClaimedDelivery, params: NotificationParams): Promise<SendResult> {
    if (!this.provider) return { kind: 'SKIPPED', note: 'SMS is off (SMS_PROVIDER=none)' };
    if (!delivery.sealedMobile) return { kind: 'SKIPPED', note: 'the applicant gave no mobile number' };
    const templateKey = smsTemplateOf(delivery.kind);
    try {
      const receipt = await this.provider.send({ phoneNumber: this.cipher.open(delivery.sealedMobile), templateKey, params: smsParams(templateKey, { ...params }), dedupeKey: delivery.dedupeKey });
      return { kind: 'SENT', providerRef: receipt.providerRef };
    } catch (error) {
      if (error instanceof SmsSendError) return { kind: 'FAILED', error: error.message, permanent: error.permanent };
      return { kind: 'FAILED', error: error instanceof Error ? error.message : String(error), permanent: false };
    }
  }
}

/** In-app notices are delivered by being written (planNew marks them SENT); one claimed again is already there. */
export class InAppChannel implements DeliveryChannel {
  recipient(): string {
    return 'in-app';
  }

  send(): Promise<SendResult> {
    return Promise.resolve({ kind: 'SENT' });
  }
}

export type DeliveryChannels = Record<NotificationChannel, DeliveryChannel>;
