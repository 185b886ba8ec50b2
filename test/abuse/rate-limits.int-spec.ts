import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import type { AppProcess } from '../../scripts/stack/app-process';
import { casesOf, newApplicant, validForm, type ErrorBody, type SignedIn } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http, type HttpResult } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { startApi } from '../support/test-stack';

// Two API replicas with low limits on the stack's database: one behind a trusted proxy (it counts per
// X-Forwarded-For address, so each test gets addresses of its own), one trusting no proxy (it counts
// the socket's address whatever the header says). The counters live in PostgreSQL, so both share them.

// Windows are aligned to the clock (floor(epoch / window)), so a boundary falling inside a test resets its
// counters. Of a few windows of about a day (the longest allowed), the one whose next boundary is furthest
// from now: at least hours away, whatever the time of day the run starts.
const WINDOW_CANDIDATES = [86400, 86399, 86398, 86397, 86396, 86395];
const secondsToBoundary = (window: number, nowSeconds: number): number => window - (nowSeconds % window);
const WINDOW_SECONDS = WINDOW_CANDIDATES.reduce((best, window) => {
  const now = Math.floor(Date.now() / 1000);
  return secondsToBoundary(window, now) > secondsToBoundary(best, now) ? window : best;
});
const WINDOW_MARGIN_SECONDS = 3600;

const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  RATE_LIMIT_SIGN_IN_PER_IP: '5',
  RATE_LIMIT_SIGN_IN_PER_USERNAME: '3',
  RATE_LIMIT_SUBMIT_PER_IP: '4',
  RATE_LIMIT_SUBMIT_PER_USER: '2',
  RATE_LIMIT_REGISTER_PER_IP: '3',
};


function isRateLimited(result: HttpResult<unknown>): boolean {
  const body = result.body as ErrorBody;
  const retryAfter = Number(result.headers.get('retry-after'));
  return result.status === 429 && body.statusCode === 429 && body.error === 'RATE_LIMITED' && typeof body.message === 'string' && Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 86400;
}

describe('rate limits on sign-in and case submission', () => {
  let db: PgClient;
  let proxied: { url: string; app: AppProcess };
  let direct: { url: string; app: AppProcess };
  const usedIps: string[] = [];
  /** An address of TEST-NET-3 not used before in this run (the database, and so the counters, are new each run). */
  const ip = (): string => {
    const address = `203.0.113.${usedIps.length + 1}`;
    usedIps.push(address);
    return address;
  };

  beforeAll(async () => {
    db = await connectDatabase();
    // The database's clock decides the window: the whole file runs well inside one.
    const dbNow = Number((await db.query(`SELECT floor(extract(epoch FROM now()))::bigint AS now`)).rows[0].now);
    expect(secondsToBoundary(WINDOW_SECONDS, dbNow)).toBeGreaterThan(WINDOW_MARGIN_SECONDS);
    [proxied, direct] = await Promise.all([startApi({ ...LIMITS, TRUST_PROXY: 'loopback' }, 'api-ratelimit'), startApi({ ...LIMITS, TRUST_PROXY: '' }, 'api-ratelimit-direct')]);
  });
  afterAll(async () => {
    await Promise.all([proxied?.app.stop(), direct?.app.stop()]);
    await db?.end();
  });

  const signInAt = (baseUrl: string, username: string, password: string, forwardedFor?: string, cookie?: string) =>
    http('POST', '/auth/token', { baseUrl, body: { username, password }, headers: { ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}), ...(cookie ? { cookie } : {}) } });
  /** The device cookie a successful sign-in sets, as a Cookie header. */
  const deviceCookie = (answer: HttpResult<unknown>): string | undefined =>
    answer.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith('onetrip_device='));

  it('limits sign-in attempts per username across replicas, even with the right password', async () => {
    const victim = await newApplicant(); // registered through the stack's API, which has no limits
    const answers: HttpResult<unknown>[] = [];
    // Three wrong guesses from three addresses, spread over both replicas: the username's counter is shared.
    answers.push(await signInAt(proxied.url, victim.username, 'wrong-guess-1', ip()));
    answers.push(await signInAt(direct.url, victim.username, 'wrong-guess-2'));
    answers.push(await signInAt(proxied.url, victim.username, 'wrong-guess-3', ip()));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
    const fourth = await signInAt(proxied.url, victim.username, 'applicant-pass-1', ip());
    expect(isRateLimited(fourth)).toBe(true);
    // Another username from the same kind of source is not held back by this one's counter.
    const bystander = await newApplicant();
    const other = await signInAt(proxied.url, bystander.username, 'applicant-pass-1', ip());
    expect(other.status).toBe(200);
    recordCheck({
      id: 'abuse.rate-limit-sign-in-username',
      section: 'Bad input and abuse',
      check: 'Sign-in attempts per username limited across two API replicas (shared PostgreSQL counter)',
      how: '3 allowed per username; attempts from different addresses through both replicas',
      figures: {
        'attempts before the limit': answers.length,
        '429 with Retry-After': isRateLimited(fourth) ? 1 : 0,
        'Retry-After (s)': Number(fourth.headers.get('retry-after')),
        'other username allowed': other.status === 200 ? 1 : 0,
      },
    });
  });

  it("does not lock the owner out: wrong guesses from elsewhere do not count against the owner's known device, and still stop the guesser", async () => {
    const owner = await newApplicant();
    const ownerIp = ip();
    // The owner signs in once from their browser: it gets a device cookie bound to this username.
    const first = await signInAt(proxied.url, owner.username, 'applicant-pass-1', ownerIp);
    expect(first.status).toBe(200);
    const cookie = deviceCookie(first);
    expect(cookie).toBeDefined();
    expect(first.headers.getSetCookie().join(';')).toMatch(/HttpOnly/i);
    expect(first.headers.getSetCookie().join(';')).toMatch(/SameSite=Strict/i);

    // An attacker guesses from several addresses until the username's counter is spent.
    const guesses: number[] = [];
    for (let attempt = 1; attempt <= 5 && !guesses.includes(429); attempt++) guesses.push((await signInAt(proxied.url, owner.username, `guess-${attempt}`, ip())).status);
    expect(guesses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(guesses.at(-1)).toBe(429);
    // Even the right password from a client without the device cookie is held back: brute force stays limited.
    expect((await signInAt(proxied.url, owner.username, 'applicant-pass-1', ip())).status).toBe(429);
    // A device cookie of another account, or a made-up one, buys the attacker nothing.
    const bystander = await newApplicant();
    const otherCookie = deviceCookie(await signInAt(proxied.url, bystander.username, 'applicant-pass-1', ip()));
    expect((await signInAt(proxied.url, owner.username, 'guess-x', ip(), otherCookie)).status).toBe(429);
    expect((await signInAt(proxied.url, owner.username, 'guess-y', ip(), 'onetrip_device=abc.def')).status).toBe(429);

    // The owner, with the device cookie, still signs in, on either replica.
    const owned = await signInAt(proxied.url, owner.username, 'applicant-pass-1', ownerIp, cookie);
    expect(owned.status).toBe(200);
    expect((await signInAt(direct.url, owner.username, 'applicant-pass-1', undefined, cookie)).status).toBe(200);
    // A stolen device cookie is limited on its own counter (3 per window here): guessing with it stops too.
    const withCookie: number[] = [];
    for (let attempt = 1; attempt <= 5 && !withCookie.includes(429); attempt++) withCookie.push((await signInAt(proxied.url, owner.username, `cookie-guess-${attempt}`, ip(), cookie)).status);
    expect(withCookie.at(-1)).toBe(429);
    expect(withCookie.length).toBeLessThanOrEqual(3);
    recordCheck({
      id: 'abuse.sign-in-no-lock-out',
      section: 'Bad input and abuse',
      check: "Wrong passwords from elsewhere do not lock the owner out (device cookie), and still stop the guesser",
      how: "owner signs in once; attacker spends the username's counter from many addresses; owner signs in again with the device cookie",
      figures: {
        'attacker attempts before 429': guesses.length - 1,
        'owner signed in after the attack (device cookie)': owned.status === 200 ? 1 : 0,
        'guesses with the stolen cookie before 429': withCookie.length - 1,
      },
    });
  });

  it('limits registration per address, and a refused registration creates nothing', async () => {
    const office = ip();
    const usernames = Array.from({ length: 5 }, () => `reg-${randomUUID().slice(0, 8)}`);
    const answers: HttpResult<unknown>[] = [];
    for (const username of usernames) {
      answers.push(await http('POST', '/auth/register', { baseUrl: proxied.url, body: { username, password: 'a-long-password', name: '张三', mobile: '13800001111' }, headers: { 'x-forwarded-for': office } }));
    }
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 429, 429]);
    expect(isRateLimited(answers[3])).toBe(true);
    const created = await db.query(`SELECT username FROM users WHERE username = ANY($1) ORDER BY username`, [usernames]);
    expect(created.rows.map((row: { username: string }) => row.username)).toEqual(usernames.slice(0, 3).sort());
    // Another address still registers.
    const neighbour = await http('POST', '/auth/register', { baseUrl: proxied.url, body: { username: `reg-${randomUUID().slice(0, 8)}`, password: 'a-long-password', name: '李四', mobile: '13800001111' }, headers: { 'x-forwarded-for': ip() } });
    expect(neighbour.status).toBe(202);
    recordCheck({
      id: 'abuse.rate-limit-register',
      section: 'Bad input and abuse',
      check: 'Registration limited per IP; refused registrations create no account',
      how: '3 per IP per window through a trusted proxy; accounts counted in PostgreSQL',
      figures: { 'registrations accepted before 429': answers.filter((answer) => answer.status === 202).length, 'accounts created by refused registrations': created.rowCount! - 3 },
    });
  });

  it('limits sign-in per address, counting X-Forwarded-For only from a trusted proxy', async () => {
    const attacker = ip();
    const statuses: number[] = [];
    let limited: HttpResult<unknown> | undefined;
    for (let attempt = 1; attempt <= 6; attempt++) {
      const answer = await signInAt(proxied.url, `nobody-${randomUUID().slice(0, 8)}`, 'guess', attacker);
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(limited && isRateLimited(limited)).toBe(true);
    // The trusted proxy says another client: that one has its own counter.
    const neighbour = await signInAt(proxied.url, `nobody-${randomUUID().slice(0, 8)}`, 'guess', ip());
    expect(neighbour.status).toBe(401);

    // Without TRUST_PROXY a made-up X-Forwarded-For on every request buys nothing: the socket's address is counted.
    const spoofed: number[] = [];
    for (let attempt = 1; attempt <= 8 && !spoofed.includes(429); attempt++) {
      spoofed.push((await signInAt(direct.url, `nobody-${randomUUID().slice(0, 8)}`, 'guess', ip())).status);
    }
    expect(spoofed).toContain(429);
    expect(spoofed.length).toBeLessThanOrEqual(5); // the tests before used this replica from 127.0.0.1 too
    recordCheck({
      id: 'abuse.rate-limit-sign-in-ip',
      section: 'Bad input and abuse',
      check: 'Sign-in attempts per IP limited; X-Forwarded-For honoured only with TRUST_PROXY',
      how: '5 allowed per IP per window; a spoofed X-Forwarded-For per request against a replica that trusts no proxy',
      figures: {
        'attempts answered before 429 (trusted proxy)': statuses.indexOf(429),
        'neighbour address allowed': neighbour.status === 401 ? 1 : 0,
        'spoofed-header attempts until 429 (no trusted proxy)': spoofed.length,
      },
    });
  });

  it('limits case submission per user and per address, and a refused submission files nothing', async () => {
    const file = (baseUrl: string, user: SignedIn, forwardedFor: string) => http('POST', '/applications', { baseUrl, token: user.token, body: validForm(), headers: { 'x-forwarded-for': forwardedFor } });
    const applicant = await newApplicant();
    const perUser = [await file(proxied.url, applicant, ip()), await file(direct.url, applicant, ip()), await file(proxied.url, applicant, ip())];
    expect(perUser.map((answer) => answer.status)).toEqual([201, 201, 429]);
    expect(isRateLimited(perUser[2])).toBe(true);
    expect(await casesOf(db, applicant.id)).toBe(2);

    const office = ip();
    const colleagues = await Promise.all([newApplicant(), newApplicant(), newApplicant(), newApplicant(), newApplicant()]);
    const perIp: HttpResult<unknown>[] = [];
    for (const colleague of colleagues) perIp.push(await file(proxied.url, colleague, office));
    expect(perIp.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 429]);
    expect(isRateLimited(perIp[4])).toBe(true);
    expect(await casesOf(db, colleagues[4].id)).toBe(0);
    recordCheck({
      id: 'abuse.rate-limit-submit',
      section: 'Bad input and abuse',
      check: 'Case submission limited per user (across replicas) and per IP; the refused submission files no case',
      how: '2 per user, 4 per IP per window; cases counted in PostgreSQL',
      figures: {
        'submissions accepted per user before 429': perUser.filter((answer) => answer.status === 201).length,
        'submissions accepted per IP before 429': perIp.filter((answer) => answer.status === 201).length,
        'cases filed by refused submissions': (await casesOf(db, colleagues[4].id)) + (await casesOf(db, applicant.id)) - 2,
      },
    });
  });

  it('keeps no address or username in the counters', async () => {
    const keys = (await db.query(`SELECT key FROM rate_limit_counters`)).rows.map((row: { key: string }) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    const leaked = keys.filter((key) => [...usedIps, '127.0.0.1', 'nobody-', 'app-'].some((value) => key.includes(value)));
    expect(leaked).toEqual([]);
  });
});
