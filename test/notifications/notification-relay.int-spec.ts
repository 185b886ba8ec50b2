import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { waitFor } from '../../scripts/stack/wait-for';
import { RunningSinks, sinkSettings, startNotificationSinks } from '../../scripts/stack/notification-sinks';
import { freePort } from '../../scripts/stack/ports';
import type { AppProcess } from '../../scripts/stack/app-process';
import { fileCase, signIn, type SignedIn } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { fileLog, startRelay } from '../support/test-stack';

// Notifications that arrive (issue 14): the lane's worker writes the outbox, a real relay process delivers
// it to a real local SMTP server and an Aliyun-style SMS stub (scripts/notification-sinks.ts), and the
// tests read what arrived there, in the in-app list, and in the delivery rows.

interface Mail { messageId: string; dedupeKey: string; to: string[]; subject: string; text: string; transmissions: number }
interface Sms { outId: string; phoneNumber: string; templateCode: string; text: string; transmissions: number }
interface Notice { id: string; kind: string; readAt?: string }

const MOBILE = '13712345670';
const RELAY_ENV = {
  NOTIFICATION_CHANNELS: 'SUBMITTED=in-app,email,sms;*=in-app,email,sms',
  RELAY_POLL_MS: '100',
  RELAY_LEASE_SECONDS: '2',
  RELAY_SEND_TIMEOUT_MS: '1500',
  RELAY_MAX_ATTEMPTS: '3',
  RELAY_BACKOFF_BASE_MS: '100',
  RELAY_BACKOFF_MAX_MS: '400',
  PUBLIC_BASE_URL: 'http://onetrip.test',
};

describe('notification relay', () => {
  let db: PgClient;
  let sinks: RunningSinks;
  let relay: { app: AppProcess; lines: string[] };
  const relayLines: string[] = [];
  let applicant: SignedIn;
  let email: string;
  let caseId: string;

  const sink = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${sinks.readUrl}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    return (await response.json()) as T;
  };
  const deliveriesOf = async (dedupePrefix: string): Promise<{ id: string; channel: string; status: string; attempts: number }[]> =>
    (await db.query(`SELECT d.id::text, d.channel, d.status, d.attempts FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.dedupe_key = $1 ORDER BY d.channel`, [dedupePrefix])).rows as never;
  const waitDelivered = (dedupeKey: string, channels: number, what: string): Promise<{ id: string; channel: string; status: string; attempts: number }[]> =>
    waitFor(what, async () => {
      const rows = await deliveriesOf(dedupeKey);
      return rows.length === channels && rows.every((row) => row.status === 'SENT') ? rows : undefined;
    }, { timeoutMs: 30_000, intervalMs: 100 });
  /** A notification as the engine writes it (the outbox row), for the relay to deliver. */
  const enqueue = async (kind: string): Promise<string> => {
    const dedupeKey = `${caseId}:${kind}:${randomUUID()}`;
    await db.query(`INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2, $3, $4, $5)`, [dedupeKey, caseId, applicant.id, kind, JSON.stringify({ reason: 'test' })]);
    return dedupeKey;
  };

  beforeAll(async () => {
    db = await connectDatabase();
    const username = `notify-${randomUUID().slice(0, 12)}`;
    email = `${username}@example.com`;
    // The sinks on ports chosen here, so the relay can start beside them (and the applicant register) at once.
    const [smtpPort, httpPort] = await Promise.all([freePort(), freePort()]);
    const where = sinkSettings(smtpPort, httpPort);
    [sinks, relay, applicant] = await Promise.all([
      startNotificationSinks({ smtpPort, httpPort, log: fileLog('notification-sinks') }),
      startRelay({ ...where.relayEnv, ...RELAY_ENV }),
      http('POST', '/auth/register', { body: { username, password: 'applicant-pass-1', name: '赵六', mobile: MOBILE, email, locale: 'en' } }).then((registered) => {
        expect(registered.status).toBe(202);
        return signIn(username, 'applicant-pass-1');
      }),
    ]);
  });

  afterAll(async () => {
    relayLines.push(...relay.lines);
    await relay.app.stop();
    await sinks.stop();
    await db.end();
  });

  it('delivers a filed case\'s notice in the app, by e-mail in the applicant\'s language and by SMS, once each', async () => {
    caseId = (await fileCase(applicant.token)).id;
    const rows = await waitDelivered(`${caseId}:SUBMITTED`, 3, 'the SUBMITTED notice delivered on three channels');
    expect(rows.map((row) => [row.channel, row.attempts])).toEqual([['EMAIL', 1], ['IN_APP', 0], ['SMS', 1]]);

    const mails = (await sink<Mail[]>('mails')).filter((mail) => mail.dedupeKey === `${caseId}:SUBMITTED/EMAIL`);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([email]);
    expect(mails[0].subject).toMatch(/^\[OneTrip\] Application received: /);
    expect(mails[0].text).toContain(`ref. ${caseId.slice(0, 8).toUpperCase()}`);
    expect(mails[0].text).toContain(`http://onetrip.test/cases/${caseId}`);
    const texts = (await sink<Sms[]>('sms')).filter((sms) => sms.outId === `${caseId}:SUBMITTED/SMS`);
    expect(texts).toMatchObject([{ phoneNumber: MOBILE, templateCode: 'SMS_ONETRIP_SUBMITTED', transmissions: 1 }]);
    expect(texts[0].text).toContain(caseId.slice(0, 8).toUpperCase());

    const list = await http<{ items: Notice[]; unreadCount: number }>('GET', '/notifications', { token: applicant.token });
    expect(list.status).toBe(200);
    expect(list.body.unreadCount).toBe(1);
    const [notice] = list.body.items;
    expect(notice).toMatchObject({ kind: 'SUBMITTED', caseId });
    const read = await http<Notice>('POST', `/notifications/${notice.id}/read`, { token: applicant.token });
    expect(read.status).toBe(200);
    const again = await http<Notice>('POST', `/notifications/${notice.id}/read`, { token: applicant.token });
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await http<{ unreadCount: number }>('GET', '/notifications', { token: applicant.token })).body.unreadCount).toBe(0);
    // Someone else's notice is not there to mark.
    const other = await signIn('admin');
    expect((await http('POST', `/notifications/${notice.id}/read`, { token: other.token })).status).toBe(403);
  });

  it('sends no duplicate when the relay is SIGKILLed mid-send and started again', async () => {
    const before = await sink<{ transmissions: { mail: number; sms: number } }>('control/state');
    await sink('control', { hold: true });
    const dedupeKey = await enqueue('COMPLAINT_RESOLVED');
    // Both sends have reached the servers, which keep them and hold their answers: the relay cannot know.
    await waitFor('both sends held by the sinks', async () => ((await sink<{ held: number }>('control/state')).held >= 2 ? true : undefined), { timeoutMs: 20_000, intervalMs: 50 });
    expect((await deliveriesOf(dedupeKey)).filter((row) => row.channel !== 'IN_APP').map((row) => row.status)).toEqual(['SENDING', 'SENDING']);
    relay.app.process.kill('SIGKILL');
    expect(await relay.app.exited).toBeNull();
    relayLines.push(...relay.lines);
    await sink('control', { hold: false });

    relay = await startRelay({ ...sinks.relayEnv, ...RELAY_ENV }, 'relay-restarted');
    const rows = await waitDelivered(dedupeKey, 3, 'the in-doubt deliveries sent again after the lease ran out');
    expect(rows.filter((row) => row.channel !== 'IN_APP').map((row) => row.attempts)).toEqual([2, 2]);

    // Sent twice (at least once), received once: the dedupe key is the Message-ID and the SMS OutId.
    const mails = (await sink<Mail[]>('mails')).filter((mail) => mail.dedupeKey === `${dedupeKey}/EMAIL`);
    expect(mails.map((mail) => mail.transmissions)).toEqual([2]);
    const texts = (await sink<Sms[]>('sms')).filter((sms) => sms.outId === `${dedupeKey}/SMS`);
    expect(texts.map((sms) => sms.transmissions)).toEqual([2]);
    // What the first relay had recorded as sent went out once: nothing else was sent again.
    const after = await sink<{ transmissions: { mail: number; sms: number } }>('control/state');
    expect([after.transmissions.mail - before.transmissions.mail, after.transmissions.sms - before.transmissions.sms]).toEqual([2, 2]);
    expect((await sink<Mail[]>('mails')).filter((mail) => mail.dedupeKey === `${caseId}:SUBMITTED/EMAIL`).map((mail) => mail.transmissions)).toEqual([1]);
  });

  it('dead-letters a delivery after its attempts, lists it for admins and sends it on their retry', async () => {
    const admin = await signIn('admin');
    await sink('control', { failSms: 3 });
    const dedupeKey = await enqueue('CANCELLED');
    const dead = await waitFor('the SMS delivery dead-lettered', async () => (await deliveriesOf(dedupeKey)).find((row) => row.channel === 'SMS' && row.status === 'DEAD'), { timeoutMs: 30_000, intervalMs: 100 });
    expect(dead.attempts).toBe(3);

    const listed = await http<{ items: { id: string; channel: string; lastError?: string; caseId: string }[] }>('GET', '/admin/notification-deliveries?status=DEAD&limit=100', { token: admin.token });
    expect(listed.status).toBe(200);
    const letter = listed.body.items.find((item) => item.id === dead.id);
    expect(letter).toMatchObject({ channel: 'SMS', caseId });
    expect(letter?.lastError).toContain('ServiceUnavailable');
    expect((await http('GET', '/admin/notification-deliveries', { token: applicant.token })).status).toBe(403);

    const retried = await http<{ status: string; attempts: number }>('POST', `/admin/notification-deliveries/${dead.id}/retry`, { token: admin.token });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'PENDING', attempts: 0 });
    await waitDelivered(dedupeKey, 3, 'the retried SMS delivered');
    expect((await sink<Sms[]>('sms')).filter((sms) => sms.outId === `${dedupeKey}/SMS`).map((sms) => sms.transmissions)).toEqual([1]);
    // A retried request answers the delivery as it is; the audit trail has the one retry.
    expect((await http<{ status: string }>('POST', `/admin/notification-deliveries/${dead.id}/retry`, { token: admin.token })).body.status).toBe('SENT');
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'NOTIFICATION_RETRY' AND case_id = $1`, [caseId])).rows[0]).toEqual({ n: 1 });
    expect((await http('POST', '/admin/notification-deliveries/not-a-number/retry', { token: admin.token })).status).toBe(404);
  });

  it('goes on planning when a channel already has a delivery written under another key', async () => {
    // A delivery written some other way (an admin's tool, a test fixture): planning that notification must
    // skip the channel, not fail the relay's every pass (the suite's order once put the fuzz's fixture first).
    const planted = `planted-${randomUUID()}`;
    const { id } = (await db.query(`INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2, $3, 'SUBMITTED', '{}') RETURNING id::text`, [planted, caseId, applicant.id])).rows[0] as { id: string };
    await db.query(`INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, status, attempts) VALUES ($1, 'SMS', $2, 'DEAD', 3)`, [id, `other-${planted}/SMS`]);
    const next = (await fileCase(applicant.token)).id;
    expect((await waitDelivered(`${next}:SUBMITTED`, 3, 'a later case delivered on three channels')).map((row) => row.channel)).toEqual(['EMAIL', 'IN_APP', 'SMS']);
  });

  it('keeps e-mail addresses and mobiles out of the relay\'s log lines', () => {
    const lines = [...relayLines, ...relay.lines];
    expect(lines.some((line) => line.includes('notification delivered'))).toBe(true);
    expect(lines.filter((line) => line.includes(email) || line.includes(MOBILE))).toEqual([]);
    expect(lines.some((line) => line.includes('137****5670'))).toBe(true);
  });
});
