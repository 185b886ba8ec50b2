import type { Logger } from 'pino';
import { ChannelRouting, maskPersonalData, NotificationParams, retryDelayMs } from '@onetrip/domain';
import { ClaimedDelivery, DeliveryStore } from './delivery.store';
import { DeliveryChannels } from './delivery-channels';

export interface RelaySettings {
  routing: ChannelRouting;
  batchSize: number;
  pollMs: number;
  leaseSeconds: number;
  maxAttempts: number;
  backoff: { baseMs: number; maxMs: number };
  publicBaseUrl: string;
}

/**
 * 通知送达: delivers the notifications outbox. Each loop plans new notifications into one delivery per
 * channel, claims due deliveries (a lease, one attempt counted) and sends them, at least once: a relay
 * killed mid-send leaves its claim to expire and the next one sends again under the same dedupe key.
 */
export class NotificationRelay {
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly store: DeliveryStore,
    private readonly channels: DeliveryChannels,
    private readonly settings: RelaySettings,
    private readonly logger: Logger,
    private readonly random: () => number = Math.random,
  ) {}

  /** Runs until stop(); sends in flight finish first. */
  async run(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        busy = await this.runOnce();
      } catch (error) {
        this.logger.error({ err: { message: maskPersonalData(error instanceof Error ? error.message : String(error)) } }, 'relay pass failed (tried again)');
      }
      if (!busy && !this.stopping) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  /** One pass: plan, claim, send. True when it found work (the next pass starts at once). */
  async runOnce(): Promise<boolean> {
    const planned = await this.store.planNew(this.settings.routing, this.settings.batchSize);
    const claimed = await this.store.claimDue(this.settings.batchSize, this.settings.leaseSeconds);
    // Sends of one pass go out together: a slow mail server does not hold up the text messages.
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return planned > 0 || claimed.length > 0;
  }

  private params(delivery: ClaimedDelivery): NotificationParams {
    const text = (key: string): string | undefined => (delivery.payload[key] === undefined || delivery.payload[key] === null ? undefined : String(delivery.payload[key]));
    return {
      caseRef: delivery.caseId.slice(0, 8).toUpperCase(),
      enterpriseName: delivery.enterpriseName,
      link: this.settings.publicBaseUrl ? `${this.settings.publicBaseUrl.replace(/\/$/, '')}/cases/${delivery.caseId}` : '',
      round: text('round'),
      uscc: text('uscc'),
      reason: text('reason'),
    };
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const channel = this.channels[delivery.channel];
    const facts = { deliveryId: delivery.id, notificationId: delivery.notificationId, channel: delivery.channel, kind: delivery.kind, attempt: delivery.attempts };
    let recipient = '-';
    try {
      recipient = channel.recipient(delivery);
      const result = await channel.send(delivery, this.params(delivery));
      if (result.kind === 'SENT') {
        await this.store.finish(delivery, { status: 'SENT', providerRef: result.providerRef });
        this.logger.info({ ...facts, to: recipient }, 'notification delivered');
        return;
      }
      if (result.kind === 'SKIPPED') {
        await this.store.finish(delivery, { status: 'SKIPPED', note: result.note });
        this.logger.info({ ...facts, note: result.note }, 'notification channel skipped');
        return;
      }
      await this.failed(delivery, facts, recipient, result.error, result.permanent);
    } catch (error) {
      await this.failed(delivery, facts, recipient, error instanceof Error ? error.message : String(error), false);
    }
  }

  private async failed(delivery: ClaimedDelivery, facts: Record<string, unknown>, recipient: string, rawError: string, permanent: boolean): Promise<void> {
    // Provider and SMTP errors may quote the address: masked before it is stored (admins read it) or logged.
    const error = maskPersonalData(rawError).slice(0, 500);
    if (permanent || delivery.attempts >= this.settings.maxAttempts) {
      await this.store.finish(delivery, { status: 'DEAD', error });
      this.logger.warn({ ...facts, to: recipient, error, permanent }, 'notification delivery dead-lettered');
      return;
    }
    const retryInMs = retryDelayMs(delivery.attempts, this.settings.backoff, this.random());
    await this.store.finish(delivery, { status: 'PENDING', retryInMs, error });
    this.logger.warn({ ...facts, to: recipient, error, retryInMs }, 'notification delivery failed, retried later');
  }
}
