import pino from 'pino';
import { parseChannelRouting } from '@onetrip/domain';
import type { ClaimedDelivery, DeliveryStore } from './delivery.store';
import type { DeliveryChannel, DeliveryChannels, SendResult } from './delivery-channels';
import { messageIdOf } from './delivery-channels';
import { NotificationRelay } from './notification-relay';

// The relay's decisions with a store and channels of the test's own: retry with backoff, dead letter
// after the last attempt or at once on a permanent refusal, and errors masked before they are kept.

const delivery = (attempts: number): ClaimedDelivery => ({
  id: '1',
  notificationId: '10',
  channel: 'SMS',
  dedupeKey: 'case:COMPLETED/SMS',
  attempts,
  kind: 'COMPLETED',
  payload: { uscc: '91433101MA4L0000X1' },
  caseId: 'ab12cd34-0000-4000-8000-000000000000',
  enterpriseName: '吉首市星火科技有限公司',
  sealedEmail: null,
  sealedMobile: '13800001111',
  locale: 'zh',
});

function relayWith(result: SendResult, attempts: number) {
  const finished: unknown[] = [];
  const store = {
    planNew: () => Promise.resolve(0),
    claimDue: () => Promise.resolve([delivery(attempts)]),
    finish: (_d: ClaimedDelivery, outcome: unknown) => {
      finished.push(outcome);
      return Promise.resolve(true);
    },
  } as unknown as DeliveryStore;
  const sent: unknown[] = [];
  const channel: DeliveryChannel = {
    recipient: () => '138****1111',
    send: (_d, params) => {
      sent.push(params);
      return Promise.resolve(result);
    },
  };
  const channels: DeliveryChannels = { IN_APP: channel, EMAIL: channel, SMS: channel };
  const relay = new NotificationRelay(
    store,
    channels,
    { routing: parseChannelRouting('*=sms'), batchSize: 10, pollMs: 1000, leaseSeconds: 60, maxAttempts: 3, backoff: { baseMs: 1000, maxMs: 60_000 }, publicBaseUrl: 'https://onetrip.example/' },
    pino({ level: 'silent' }),
    () => 0,
  );
  return { relay, finished, sent };
}

describe('NotificationRelay', () => {
  it('records a send, with the case reference and link in the parameters', async () => {
    const { relay, finished, sent } = relayWith({ kind: 'SENT', providerRef: 'biz-1' }, 1);
    expect(await relay.runOnce()).toBe(true);
    expect(finished).toEqual([{ status: 'SENT', providerRef: 'biz-1' }]);
    expect(sent).toEqual([expect.objectContaining({ caseRef: 'AB12CD34', uscc: '91433101MA4L0000X1', link: 'https://onetrip.example/cases/ab12cd34-0000-4000-8000-000000000000' })]);
  });

  it('retries a passing failure later, longer each attempt, with the error masked', async () => {
    const first = relayWith({ kind: 'FAILED', error: '503 for 13800001111', permanent: false }, 1);
    await first.relay.runOnce();
    expect(first.finished).toEqual([{ status: 'PENDING', retryInMs: 500, error: '503 for 138****1111' }]);
    const second = relayWith({ kind: 'FAILED', error: 'timeout', permanent: false }, 2);
    await second.relay.runOnce();
    expect(second.finished).toEqual([{ status: 'PENDING', retryInMs: 1000, error: 'timeout' }]);
  });

  it('dead-letters after the last attempt, and at once when the refusal is permanent', async () => {
    const last = relayWith({ kind: 'FAILED', error: 'timeout', permanent: false }, 3);
    await last.relay.runOnce();
    expect(last.finished).toEqual([{ status: 'DEAD', error: 'timeout' }]);
    const permanent = relayWith({ kind: 'FAILED', error: '550 no such mailbox z.s@example.com', permanent: true }, 1);
    await permanent.relay.runOnce();
    expect(permanent.finished).toEqual([{ status: 'DEAD', error: '550 no such mailbox z**@example.com' }]);
  });

  it('gives every attempt of a delivery the same Message-ID, and each delivery its own', () => {
    expect(messageIdOf('case:COMPLETED/EMAIL')).toBe(messageIdOf('case:COMPLETED/EMAIL'));
    expect(messageIdOf('case:COMPLETED/EMAIL')).not.toBe(messageIdOf('case:REJECTED/EMAIL'));
    expect(messageIdOf('case:COMPLETED/EMAIL')).toMatch(/^<[0-9a-f]{40}\.notification@onetrip\.local>$/);
  });
});
