/** One text message to send: a registered template and its parameters, never free text. */
export interface SmsMessage {
  /** A mainland mobile number (never logged whole: maskMobile). */
  phoneNumber: string;
  /** A key of SMS_TEMPLATES (`COMPLETED`, `VERIFICATION_CODE`, `*`, …); the provider maps it to its template code. */
  templateKey: string;
  params: Record<string, string>;
  /**
   * Same key, same message: sent to the provider with the request (its out-id), so a message sent
   * again after a crash can be recognised and dropped by the provider or the stub.
   */
  dedupeKey: string;
}

export interface SmsReceipt {
  /** The provider's id of the accepted message. */
  providerRef: string;
}

/** A refused send. `permanent`: sending again cannot help (bad number, unknown template); otherwise retry later. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

/** The seam for SMS providers: one adapter per provider, chosen by configuration (SMS_PROVIDER). */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsReceipt>;
}
