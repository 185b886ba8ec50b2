import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { newApplicant, openTaskId, signIn, validForm, waitForView, type CaseView, type SignedIn } from '../api/api-fixtures';
import { connectDatabase } from '../support/case-fixtures';
import { http } from '../support/http';
import { receivedTexts } from '../support/test-stack';
import { waitFor } from '../../scripts/stack/wait-for';

/** A name no other test uses (the window looks people up by name). */
const uniqueName = (first: string): string => `${first}${randomUUID().replace(/[^0-9]/g, '').slice(0, 6).replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)])}`;
/** A mobile no other test uses. */
const uniqueMobile = (): string => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

interface WalkIn {
  username: string;
  name: string;
  maskedMobile: string;
  canSignIn: boolean;
  status: 'PENDING' | 'ACTIVE';
  created?: boolean;
}
interface ErrorAnswer {
  code: string;
  fields?: { path: string; codes?: string[] }[];
  details?: Record<string, unknown>;
}

/** The codes texted to this mobile, oldest first, as the SMS stub received them. */
async function codesTo(mobile: string): Promise<{ code: string; outId: string; transmissions: number }[]> {
  return (await receivedTexts()).filter((sms) => sms.phoneNumber === mobile && sms.params.code !== undefined).map((sms) => ({ code: sms.params.code, outId: sms.outId, transmissions: sms.transmissions }));
}

async function codeCount(mobile: string, count: number): Promise<string[]> {
  return waitFor(`${count} code(s) texted`, async () => {
    const codes = await codesTo(mobile);
    return codes.length >= count ? codes.map((sms) => sms.code) : undefined;
  });
}

describe('the window clerk (综合窗口 / 帮代办) files and corrects for an applicant at the counter', () => {
  let db: PgClient;
  let window: SignedIn;
  let samr: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    db = await connectDatabase();
    [window, samr, admin] = await Promise.all([signIn('window'), signIn('clerk-samr'), signIn('admin')]);
  });
  afterAll(() => db.end());

  it('corrects a case it filed; the applicant sees it; the audit and the timeline show who acted', async () => {
    const applicant = await newApplicant();
    const filed = await http<CaseView>('POST', '/applications', { token: window.token, body: { ...validForm(), onBehalfOf: applicant.username } });
    expect(filed.status).toBe(201);
    const caseId = filed.body.id;
    const task = await openTaskId(db, caseId, 'SAMR');
    expect((await http('POST', `/tasks/${task}/return`, { token: samr.token, body: { items: [{ field: 'legalRepresentative.mobile', reason: '手机号无法接通' }] } })).status).toBe(200);
    await waitForView(window.token, caseId, 'awaiting correction', (view) => view.status === 'AWAITING_CORRECTION');

    const corrected = await http<CaseView>('POST', `/applications/${caseId}/corrections`, { token: window.token, body: { changes: { 'legalRepresentative.mobile': '13711112222' } } });
    expect(corrected.status).toBe(200);
    const mine = await waitForView(applicant.token, caseId, 'SAMR reopened', (view) => view.steps[0].status === 'OPEN' && view.steps[0].round === 2);
    expect(mine.form?.legalRepresentative.mobile).toBe('13711112222');

    const audit = await db.query(`SELECT actor_id, actor_role, action FROM audit_log WHERE case_id = $1 AND actor_role = 'WINDOW' ORDER BY id`, [caseId]);
    expect(audit.rows).toEqual([
      { actor_id: window.id, actor_role: 'WINDOW', action: 'FILE_ON_BEHALF' },
      { actor_id: window.id, actor_role: 'WINDOW', action: 'SUBMIT_CORRECTION' },
    ]);
    const detail = await http<{ timeline: { event: string; actor?: string }[] }>('GET', `/admin/cases/${caseId}`, { token: admin.token });
    expect(detail.body.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'CORRECTION_SUBMITTED', actor: 'window' }), expect.objectContaining({ event: 'FILE_ON_BEHALF', actor: 'window' })]));
  });

  it('finds a walk-in by name and the last four digits, or opens an account that files (once confirmed) and cannot be signed into yet', async () => {
    // A name no other test uses; the mobile's last four tell two people of one name apart.
    const name = uniqueName('窗');
    const opened = await http<{ username: string; name: string; maskedMobile: string; canSignIn: boolean; created: boolean }>('POST', '/window/applicants', {
      token: window.token,
      body: { name, mobile: '13700004321' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ name, maskedMobile: '137****4321', canSignIn: false, created: true, status: 'PENDING' });
    // Safe to repeat: the same person again is the same account.
    const again = await http<{ username: string; created: boolean }>('POST', '/window/applicants', { token: window.token, body: { name, mobile: '13700004321' } });
    expect(again.body).toEqual(expect.objectContaining({ username: opened.body.username, created: false }));
    const other = await http<{ username: string }>('POST', '/window/applicants', { token: window.token, body: { name, mobile: '13700008765' } });
    expect(other.body.username).not.toBe(opened.body.username);

    const lookup = (mobileLast4: string) => http<{ username: string }[]>('POST', '/window/applicants/lookup', { token: window.token, body: { name, mobileLast4 } });
    const found = await lookup('4321');
    expect(found.status).toBe(200);
    expect(found.body.map((account) => account.username)).toEqual([opened.body.username]);
    expect((await lookup('0000')).body).toEqual([]);
    const invalid = await lookup('43');
    expect(invalid.status).toBe(400);
    // The mobile is sealed at rest like a registered applicant's.
    const stored = await db.query(`SELECT mobile FROM users WHERE username = $1`, [opened.body.username]);
    expect(String(stored.rows[0].mobile)).not.toContain('4321');

    // PENDING: the window may not file for it until the applicant's code is typed back.
    const early = await http<ErrorAnswer>('POST', '/applications', { token: window.token, body: { ...validForm(), onBehalfOf: opened.body.username } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'APPLICANT_NOT_CONFIRMED', fields: [expect.objectContaining({ path: 'onBehalfOf' })] });
    const [code] = (await codesTo('13700004321')).filter((sms) => sms.outId.includes(opened.body.username)).map((sms) => sms.code);
    expect(code).toMatch(/^\d{6}$/);
    const confirmed = await http<WalkIn>('POST', '/window/applicants/confirmations', { token: window.token, body: { username: opened.body.username, code } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ username: opened.body.username, status: 'ACTIVE' });

    // The window files for the new account, and its list and case page say for whom.
    const filed = await http<CaseView & { applicant?: { username: string; name?: string } }>('POST', '/applications', { token: window.token, body: { ...validForm(), onBehalfOf: opened.body.username } });
    expect(filed.status).toBe(201);
    const list = await http<{ items: { id: string; applicant?: { username: string; name?: string } }[] }>('GET', '/applications?limit=50', { token: window.token });
    expect(list.body.items.find((item) => item.id === filed.body.id)?.applicant).toEqual({ username: opened.body.username, name });
    // No password yet: signing in is refused like a wrong password (the applicant sets one after a code on the phone).
    expect((await http('POST', '/auth/token', { body: { username: opened.body.username, password: '!unset' } })).status).toBe(401);
  });

  it('confirms a walk-in by the code texted to the mobile: wrong, expired, too many attempts, resend, and a retried confirm', async () => {
    const mobile = uniqueMobile();
    const name = uniqueName('码');
    const open = () => http<WalkIn>('POST', '/window/applicants', { token: window.token, body: { name, mobile } });
    const opened = await open();
    expect(opened.status).toBe(201);
    const { username } = opened.body;
    const confirm = (code: string) => http<WalkIn & ErrorAnswer>('POST', '/window/applicants/confirmations', { token: window.token, body: { username, code } });
    const resend = () => http<WalkIn & ErrorAnswer>('POST', '/window/applicants/codes', { token: window.token, body: { username } });
    const [first] = await codeCount(mobile, 1);
    // The code is stored hashed, never as typed, and the logs have neither it nor the mobile.
    const stored = await db.query(`SELECT c.* FROM walk_in_confirmations c JOIN users u ON u.id = c.user_id WHERE u.username = $1`, [username]);
    expect(JSON.stringify(stored.rows)).not.toContain(first);

    // Wrong: 400 naming the field, with the attempts left; a malformed code is a validation error of the same field.
    const wrongCode = first === '000000' ? '111111' : '000000';
    const wrong = await confirm(wrongCode);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'CONFIRMATION_CODE_WRONG', fields: [expect.objectContaining({ path: 'code', codes: ['CONFIRMATION_CODE_WRONG'] })], details: { attemptsLeft: 4 } });
    const malformed = await confirm('12ab');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'code' })] });

    // A resend right away waits out the cooldown (no second text); reopening the same person sends nothing either.
    const early = await resend();
    expect(early.status).toBe(429);
    expect(early.body).toMatchObject({ code: 'CONFIRMATION_RESEND_TOO_SOON' });
    expect(Number(early.body.details?.retryAfterSeconds)).toBeGreaterThan(0);
    expect((await open()).body).toMatchObject({ username, created: false, status: 'PENDING' });
    expect(await codesTo(mobile)).toHaveLength(1);

    // Too many attempts: the fifth wrong code spends it; even the right one is then refused.
    for (let attempt = 2; attempt <= 5; attempt++) expect((await confirm(wrongCode)).status).toBe(400);
    const spent = await confirm(first);
    expect(spent.status).toBe(409);
    expect(spent.body).toMatchObject({ code: 'CONFIRMATION_ATTEMPTS_EXHAUSTED', fields: [expect.objectContaining({ path: 'code' })] });

    // The cooldown has passed (the clock moved on: the row says the text went a minute ago): a new code, a new text.
    await db.query(`UPDATE walk_in_confirmations SET sent_at = sent_at - interval '61 seconds' WHERE user_id = (SELECT id FROM users WHERE username = $1)`, [username]);
    const resent = await resend();
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ username, status: 'PENDING' });
    const [, second] = await codeCount(mobile, 2);
    // The old code is dead with the new one out.
    if (second !== first) expect((await confirm(first)).body).toMatchObject({ code: 'CONFIRMATION_CODE_WRONG' });

    // Expired: five minutes on, the right code is refused as expired.
    await db.query(`UPDATE walk_in_confirmations SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE username = $1)`, [username]);
    const expired = await confirm(second);
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({ code: 'CONFIRMATION_CODE_EXPIRED', fields: [expect.objectContaining({ path: 'code' })] });
    await db.query(`UPDATE walk_in_confirmations SET sent_at = sent_at - interval '61 seconds' WHERE user_id = (SELECT id FROM users WHERE username = $1)`, [username]);
    expect((await resend()).status).toBe(200);
    const third = (await codeCount(mobile, 3))[2];

    // Right: ACTIVE; the same request again (a retry) answers the same; another code is refused as confirmed before.
    const right = await confirm(third);
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ username, status: 'ACTIVE' });
    const retried = await confirm(third);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(right.body);
    expect((await confirm(wrongCode)).body).toMatchObject({ code: 'ACCOUNT_ALREADY_CONFIRMED' });
    expect((await resend()).body).toMatchObject({ code: 'ACCOUNT_ALREADY_CONFIRMED' });
    const who = await db.query(`SELECT confirmed_by_id FROM walk_in_confirmations c JOIN users u ON u.id = c.user_id WHERE u.username = $1`, [username]);
    expect(who.rows).toEqual([{ confirmed_by_id: window.id }]);
    // Three texts in all, each sent once (its dedupe key), each code different in its key.
    const texts = await codesTo(mobile);
    expect(texts).toHaveLength(3);
    expect(new Set(texts.map((sms) => sms.outId)).size).toBe(3);
    // The look-up says so too.
    const found = await http<WalkIn[]>('POST', '/window/applicants/lookup', { token: window.token, body: { name: opened.body.name, mobileLast4: mobile.slice(-4) } });
    expect(found.body).toEqual([expect.objectContaining({ username, status: 'ACTIVE' })]);
  });
});
