import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import { makeResidentId, type Department } from '@onetrip/domain';
import { EncryptionCodec, ENCRYPTED_ENCODING } from '@onetrip/infrastructure/temporal/encryption-codec';
import { KeyRing as Ring } from '@onetrip/infrastructure/crypto/key-ring';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { caseWorkflowId } from '@onetrip/workflows/contracts';
import { ROOT } from '../../scripts/stack/app-process';
import { temporalBinary } from '../../scripts/stack/temporal-dev-server';
import { fileCase, openTaskId, signIn, validForm, waitForView, type SignedIn } from '../api/api-fixtures';
import { testPayloadCodec, useRealServers } from '../support/case-fixtures';
import { decodeHistoryJson, payloadEncoding, payloadsIn, showHistoryJson } from '../support/history-json';
import { http, type HttpResult } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { testStack } from '../support/test-stack';
import { findPersonalData, PersonalDataScan } from './personal-data-scanner';

const LOG_DIR = path.join(ROOT, 'test-results/logs');
const DEPARTMENTS: Department[] = ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'];
const SDK_MARKER_BOOKKEEPING = /\.markerRecordedEventAttributes\.details\.(data|patch-data)\./;
// The OpenTelemetry interceptors carry the trace context and the request id in a header the SDK writes past
// the codec: ids only, no case data (its decoded text is scanned for personal data with every other payload).
const TRACE_CONTEXT_HEADER = /\.header\.fields\._tracer-data$/;

/** An ID number and a mobile no other test uses, so a hit can be told apart from another test's data. */
function person(): { idNumber: string; mobile: string } {
  const birth = `19${randomInt(60, 99)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  return { idNumber: makeResidentId('433101', birth, randomInt(0, 1000)), mobile: `1${randomInt(3, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}` };
}

const text = (result: HttpResult<unknown>): string => (typeof result.body === 'string' ? result.body : JSON.stringify(result.body));

// Issue 7, personal data: cases carrying real-shaped ID numbers and mobiles go through filing,
// bad requests, a return and correction, a refusal, a cancellation and a completion; then every
// place they could leak to (logs, Temporal histories and search attributes, error texts, lists)
// is scanned for plaintext ID numbers and mobiles.
describe('no plaintext ID numbers or mobiles outside the database', () => {
  const servers = useRealServers();
  const clerks = {} as Record<Department, SignedIn>;
  let db: PgClient;
  let completedWorkflowId: string | undefined;

  beforeAll(async () => {
    db = servers.db;
    for (const department of DEPARTMENTS) clerks[department] = await signIn(`clerk-${department.toLowerCase()}`);
  });

  const decide = (department: Department, taskId: string, action: 'complete' | 'return' | 'reject', body: object = {}) =>
    http<{ status: string }>('POST', `/tasks/${taskId}/${action}`, { token: clerks[department].token, body });

  it('the scanner finds a planted ID number and mobile, and not masked ones, longer numbers or ones inside a hex hash', () => {
    const planted = person();
    const hash = (value: string): string => `${randomBytes(12).toString('hex')}${value}${randomBytes(12).toString('hex')}`;
    const hits = findPersonalData(
      `ok ${planted.idNumber} and tel:${planted.mobile}; masked 433101********1234 138****5678; account 6222020200112233445; ms 1764312345678; build id @temporalio/worker@1.0.0+${hash(planted.idNumber)} token ${hash(planted.mobile)}`,
      'planted',
    );
    expect(hits.map((hit) => hit.kind)).toEqual(['ID number', 'mobile']);
    // The same values inside a hex string alone: not a person's number.
    expect(findPersonalData(`${hash(planted.idNumber)} ${hash(planted.mobile)}`, 'hashes')).toEqual([]);
    // Masked in the report, so a failing test does not print the value either.
    expect(hits.every((hit) => !hit.context.includes(planted.idNumber) && !hit.context.includes(planted.mobile))).toBe(true);
  });

  it('finds none in logs, histories, search attributes, error texts or lists after cases carried them through every path', async () => {
    const applicantPerson = person();
    const representative = person();
    const corrected = person();
    const employee = person();
    const errors = new PersonalDataScan();

    // An applicant registers with a name and a mobile.
    const username = `pii-${randomInt(1e9)}`;
    const registered = await http('POST', '/auth/register', { body: { username, password: 'applicant-pass-1', name: '赵六', mobile: applicantPerson.mobile } });
    expect(registered.status).toBe(202);
    const applicant = await signIn(username, 'applicant-pass-1');
    const form = (): ReturnType<typeof validForm> =>
      validForm((draft) => {
        draft.legalRepresentative.idNumber = representative.idNumber;
        draft.legalRepresentative.mobile = representative.mobile;
        draft.shareholders[0].idNumber = representative.idNumber;
        draft.socialInsurance.employees[0].idNumber = employee.idNumber;
      });

    // (d) Bad requests that quote personal data back in some way.
    const badCheck = representative.idNumber.slice(0, 17) + (representative.idNumber[17] === '0' ? '1' : '0');
    const bad: HttpResult<unknown>[] = [
      await http('POST', '/applications', { token: applicant.token, body: { ...form(), legalRepresentative: { name: '张三', idNumber: badCheck, mobile: representative.mobile } } }),
      await http('POST', '/applications', { token: applicant.token, body: { ...form(), legalRepresentative: { name: '张三', idNumber: representative.idNumber, mobile: `${representative.mobile}0` } } }),
      await http('POST', '/applications', { token: applicant.token, body: `{"legalRepresentative":{"idNumber":"${representative.idNumber}","mobile":"${representative.mobile}"` }),
      await http('POST', '/auth/register', { body: { username, password: 'applicant-pass-1', name: '赵六', mobile: applicantPerson.mobile } }),
      await http('GET', `/applications/${representative.idNumber}`, { token: applicant.token }),
      await http('GET', `/tasks?status=${representative.mobile}`, { token: clerks.SAMR.token }),
    ];
    expect(bad.map((result) => result.status)).toEqual([400, 400, 400, 202, expect.any(Number), 400]);
    expect(bad[4].status).toBeGreaterThanOrEqual(400);

    // Case 1: returned for the legal representative's mobile (the reason quotes it), corrected, then refused by PSB with a reason quoting the ID number.
    const refusedCase = await fileCase(applicant.token, form());
    expect((await decide('SAMR', await openTaskId(db, refusedCase.id, 'SAMR'), 'return', { items: [{ field: 'legalRepresentative.mobile', reason: `电话 ${representative.mobile} 无法接通` }] })).status).toBe(200);
    await waitForView(applicant.token, refusedCase.id, 'the correction notice', (view) => view.status === 'AWAITING_CORRECTION');
    const outside = await http('POST', `/applications/${refusedCase.id}/corrections`, { token: applicant.token, body: { changes: { [corrected.idNumber]: corrected.mobile } } });
    const invalid = await http('POST', `/applications/${refusedCase.id}/corrections`, { token: applicant.token, body: { changes: { 'legalRepresentative.mobile': `${corrected.mobile}9` } } });
    bad.push(outside, invalid);
    expect([outside.status, invalid.status]).toEqual([400, 400]);
    expect((await http('POST', `/applications/${refusedCase.id}/corrections`, { token: applicant.token, body: { changes: { 'legalRepresentative.mobile': corrected.mobile } } })).status).toBe(200);
    expect((await decide('SAMR', await openTaskId(db, refusedCase.id, 'SAMR'), 'complete')).status).toBe(200);
    expect((await decide('PSB', await openTaskId(db, refusedCase.id, 'PSB'), 'reject', { reason: `法定代表人身份证号 ${representative.idNumber} 在失信名单中` })).status).toBe(200);
    await waitForView(applicant.token, refusedCase.id, 'the refusal', (view) => view.status === 'REJECTED');

    // Case 2: cancelled by the applicant with a reason quoting the mobile.
    const cancelledCase = await fileCase(applicant.token, form());
    await openTaskId(db, cancelledCase.id, 'SAMR');
    expect((await http('POST', `/applications/${cancelledCase.id}/cancel`, { token: applicant.token, body: { reason: `换了手机号 ${corrected.mobile}` } })).status).toBe(200);

    // Case 3: every department completes; the outcome is delivered.
    const completedCase = await fileCase(applicant.token, form());
    expect((await decide('SAMR', await openTaskId(db, completedCase.id, 'SAMR'), 'complete')).status).toBe(200);
    for (const department of ['PSB', 'TAX', 'HRSS'] as Department[]) expect((await decide(department, await openTaskId(db, completedCase.id, department), 'complete')).status).toBe(200);
    expect((await decide('BANK', await openTaskId(db, completedCase.id, 'BANK'), 'complete', { outputs: { accountNumber: '6222020200112233445' } })).status).toBe(200);
    await waitForView(applicant.token, completedCase.id, 'the outcome', (view) => view.status === 'COMPLETED');
    await waitForView(applicant.token, cancelledCase.id, 'the cancellation', (view) => view.status === 'CANCELLED');
    // Case 4 waits at SAMR with a complaint (so it is in the stuck list); case 5 is past SAMR, the other four steps open.
    const waitingCase = await fileCase(applicant.token, form());
    await openTaskId(db, waitingCase.id, 'SAMR');
    expect((await http('POST', `/applications/${waitingCase.id}/complaints`, { token: applicant.token, body: { text: '材料交了三天还没人看' } })).status).toBe(201);
    const pastSamrCase = await fileCase(applicant.token, form());
    expect((await decide('SAMR', await openTaskId(db, pastSamrCase.id, 'SAMR'), 'complete')).status).toBe(200);
    for (const department of ['PSB', 'TAX', 'HRSS', 'BANK'] as Department[]) await openTaskId(db, pastSamrCase.id, department);
    const caseIds = [refusedCase.id, cancelledCase.id, completedCase.id];
    completedWorkflowId = caseWorkflowId(completedCase.id);
    bad.forEach((result, index) => errors.scan(text(result), `bad request ${index + 1}`));

    // (e) Lists: the applicant's cases, each department's inbox, the admin's listings. The database is shared
    // and lists are paged, so each is read page by page until it has shown every planted case it should hold.
    const lists = new PersonalDataScan();
    const admin = await signIn('admin');
    const allPlanted = [...caseIds, waitingCase.id, pastSamrCase.id];
    const doneIn = (department: Department): string[] => (department === 'SAMR' ? [refusedCase.id, completedCase.id, pastSamrCase.id] : [completedCase.id]);
    const openIn = (department: Department): string[] => (department === 'SAMR' ? [waitingCase.id] : [pastSamrCase.id]);
    const unseen: Record<string, string[]> = {};
    const read = async (source: string, url: string, token: string, planted: string[]): Promise<void> => {
      const missing = await scanListFor(lists, source, url, token, planted);
      if (missing.length > 0) unseen[source] = missing;
    };
    await read('cases list', '/applications', applicant.token, allPlanted);
    for (const department of DEPARTMENTS) {
      await read(`${department} inbox OPEN`, '/tasks?status=OPEN', clerks[department].token, openIn(department));
      await read(`${department} inbox DONE`, '/tasks?status=DONE', clerks[department].token, doneIn(department));
    }
    await read('admin stuck list', '/admin/cases?stuck=true', admin.token, [waitingCase.id]);
    await read('admin case list', '/admin/cases', admin.token, allPlanted);
    expect(unseen).toEqual({});

    // (b) Histories as the Temporal server stores them, and (c) their search attributes and ids.
    const histories = new PersonalDataScan();
    const attributes = new PersonalDataScan();
    const encodings = new Map<string, number>();
    const notEncrypted: string[] = [];
    let sdkBookkeeping = 0;
    const decoded = new PersonalDataScan();
    const runCodec = testPayloadCodec();
    for (const caseId of caseIds) {
      const workflowId = caseWorkflowId(caseId);
      const json = showHistoryJson(workflowId);
      histories.scan(json, `history of ${workflowId}`);
      const history = JSON.parse(json) as unknown;
      for (const { path: at, payload } of payloadsIn(history, ['searchAttributes'])) {
        const encoding = payloadEncoding(payload);
        if (!SDK_MARKER_BOOKKEEPING.test(at) && !TRACE_CONTEXT_HEADER.test(at)) encodings.set(encoding, (encodings.get(encoding) ?? 0) + 1);
        // The SDK core writes its own bookkeeping into markers (patch ids; a local activity's seq, attempt,
        // times) past the codec; the local activity's result beside it goes through the codec.
        if (SDK_MARKER_BOOKKEEPING.test(at) || TRACE_CONTEXT_HEADER.test(at)) sdkBookkeeping += 1;
        else if (encoding !== ENCRYPTED_ENCODING) notEncrypted.push(`${workflowId}${at}: ${encoding}`);
      }
      // What each payload says once base64 is undone (search attributes included): what an operator with the CLI would see.
      for (const { payload } of payloadsIn(history)) histories.scan(Buffer.from(payload.data ?? '', 'base64').toString('latin1'), `payload in ${workflowId}`);
      // The same history through the run's codec: the planted reasons are really in there, encrypted.
      decoded.scan((await decodeHistoryJson(json, runCodec)).replace(/"data": "([^"]*)"/g, (_all, data: string) => Buffer.from(data, 'base64').toString('utf8')), workflowId);
      const description = await servers.temporal.workflow.getHandle(workflowId).describe();
      attributes.scan(JSON.stringify({ workflowId, searchAttributes: description.raw.workflowExecutionInfo?.searchAttributes, memo: description.raw.workflowExecutionInfo?.memo }), workflowId);
    }

    // (a) Every log file there is now: the apps, Temporal, PostgreSQL, other test files' own processes.
    const logs = new PersonalDataScan();
    for (const file of fs.readdirSync(LOG_DIR).filter((name) => name.endsWith('.log'))) logs.scan(fs.readFileSync(path.join(LOG_DIR, file), 'utf8'), file);

    const everywhere = [logs, histories, attributes, errors, lists];
    expect(everywhere.flatMap((scan) => scan.hits)).toEqual([]);
    // The histories were really read: every payload is encrypted, and the codec finds what was planted.
    expect(notEncrypted).toEqual([]);
    expect([...encodings.keys()]).toEqual([ENCRYPTED_ENCODING]);
    expect(decoded.count('ID number')).toBeGreaterThan(0);
    expect(decoded.count('mobile')).toBeGreaterThan(0);
    expect(logs.bytes).toBeGreaterThan(0);
    expect(logs.items).toBeGreaterThanOrEqual(3);

    recordCheck({
      id: 'personal-data.plaintext-scan',
      section: 'Personal data',
      check: 'No plaintext ID numbers or mobiles in logs, Temporal histories, search attributes, error texts or API lists',
      how: '3 cases with planted IDs/mobiles (bad requests, return + correction, refusal, cancellation, completion), then regex scan',
      figures: {
        'cases driven': caseIds.length,
        'log files scanned': logs.items,
        'log bytes scanned': logs.bytes,
        'histories scanned': caseIds.length,
        'history bytes scanned': histories.bytes,
        'payloads through the codec': [...encodings.values()].reduce((sum, n) => sum + n, 0),
        'payloads not encrypted': notEncrypted.length,
        'SDK marker bookkeeping payloads (plain by design, scanned)': sdkBookkeeping,
        'search attribute sets scanned': attributes.items,
        'error responses scanned': errors.items,
        'list pages scanned (until every planted case was seen)': lists.items,
        'plaintext ID numbers found': everywhere.reduce((sum, scan) => sum + scan.count('ID number'), 0),
        'plaintext mobiles found': everywhere.reduce((sum, scan) => sum + scan.count('mobile'), 0),
        'planted values found after decoding with the key (control)': decoded.hits.length,
      },
    });
  });

  it('an encrypted history replays with the key, and as the recorder saves it (decoded) without', async () => {
    if (!completedWorkflowId) throw new Error('the scan above did not get as far as a completed case');
    const stack = testStack();
    const codec = testPayloadCodec();
    const stored = showHistoryJson(completedWorkflowId);
    const workflowBundle = { codePath: stack.workflowBundle };
    await expect(Worker.runReplayHistory({ workflowBundle, dataConverter: { payloadCodecs: [codec] } }, historyFromJSON(JSON.parse(stored)), completedWorkflowId)).resolves.toBeUndefined();
    const decoded = await decodeHistoryJson(stored, codec);
    expect(payloadsIn(JSON.parse(decoded), ['searchAttributes']).map(({ payload }) => payloadEncoding(payload))).not.toContain(ENCRYPTED_ENCODING);
    await expect(Worker.runReplayHistory({ workflowBundle }, historyFromJSON(JSON.parse(decoded)), completedWorkflowId)).resolves.toBeUndefined();
    // Without the key the stored history cannot even be read: the codec is doing the work.
    const otherKey = new EncryptionCodec(Ring.parse(Ring.generateSetting(stack.payloadKeyId), stack.payloadKeyId));
    await expect(decodeHistoryJson(stored, otherKey)).rejects.toThrow('wrong key or altered data');
  });
});

// The codec server the Temporal Web UI and CLI can be pointed at: admins read decoded payloads, audited.
describe('the Temporal codec endpoint', () => {
  const servers = useRealServers();

  it('decodes a stored history for an admin (audited), refuses others, and works for the Temporal CLI', async () => {
    const applicant = await signIn((await registerApplicant()).username, 'applicant-pass-1');
    const representative = person();
    const filed = await fileCase(applicant.token, validForm((draft) => void (draft.legalRepresentative.idNumber = representative.idNumber)));
    const samr = await signIn('clerk-samr');
    const reason = `身份证号 ${representative.idNumber} 与证件不符`;
    expect((await http('POST', `/tasks/${await openTaskId(servers.db, filed.id, 'SAMR')}/reject`, { token: samr.token, body: { reason } })).status).toBe(200);
    await waitForView(applicant.token, filed.id, 'the refusal', (view) => view.status === 'REJECTED');
    const workflowId = caseWorkflowId(filed.id);
    const stored = payloadsIn(JSON.parse(showHistoryJson(workflowId)), ['searchAttributes']).map(({ payload }) => payload);

    const admin = await signIn('admin');
    const decoded = await http<{ payloads: { metadata: Record<string, string>; data: string }[] }>('POST', '/temporal-codec/decode', { token: admin.token, body: { payloads: stored }, headers: { 'x-namespace': 'default' } });
    expect(decoded.status).toBe(200);
    const texts = decoded.body.payloads.map((payload) => Buffer.from(payload.data, 'base64').toString('utf8'));
    expect(texts.some((text) => text.includes(reason))).toBe(true);
    expect(decoded.body.payloads.map((payload) => payloadEncoding(payload))).not.toContain(ENCRYPTED_ENCODING);
    const audited = await servers.db.query(`SELECT details FROM audit_log WHERE actor_id = $1 AND action = 'DECODE_TEMPORAL_PAYLOADS' ORDER BY at DESC LIMIT 1`, [admin.id]);
    expect(audited.rows[0]?.details).toMatchObject({ payloads: stored.length });
    expect((await http('POST', '/temporal-codec/decode', { token: samr.token, body: { payloads: stored } })).status).toBe(403);
    expect((await http('POST', '/temporal-codec/decode', { body: { payloads: stored } })).status).toBe(401);

    // The CLI with --codec-endpoint shows the refusal reason; without it, it cannot.
    const withCodec = execFileSync(temporalBinary(), ['workflow', 'show', '--workflow-id', workflowId, '--address', testStack().temporalAddress, '--codec-endpoint', `${testStack().apiUrl}/temporal-codec`, '--codec-auth', `Bearer ${admin.token}`, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const cliTexts = payloadsIn(JSON.parse(withCodec), ['searchAttributes']).map(({ payload }) => (typeof payload.data === 'string' ? Buffer.from(payload.data, 'base64').toString('utf8') : JSON.stringify(payload)));
    expect(cliTexts.some((text) => text.includes(reason))).toBe(true);
    expect(findPersonalData(showHistoryJson(workflowId), 'stored history')).toEqual([]);
  });
});

type ListPage = { items: { id?: string; caseId?: string }[]; total: number };

/**
 * Scans a paged list 100 at a time until every planted case has been on a page (or the list ends), and
 * answers the planted cases it never showed. Other test files change the shared lists meanwhile (a task
 * leaves an inbox and the rest move up a place), so a list is read again, at most three times.
 */
async function scanListFor(scan: PersonalDataScan, source: string, url: string, token: string, planted: string[]): Promise<string[]> {
  const missing = new Set(planted);
  for (let pass = 1; pass <= 3 && missing.size > 0; pass++) {
    for (let page = 1; missing.size > 0; page++) {
      const result = await http<ListPage>('GET', `${url}${url.includes('?') ? '&' : '?'}limit=100&page=${page}`, { token });
      if (result.status !== 200) throw new Error(`${source}: GET ${url} answered ${result.status}`);
      scan.scan(text(result), `${source} page ${page}`);
      for (const item of result.body.items) missing.delete(item.caseId ?? item.id ?? '');
      if (result.body.items.length < 100 || page * 100 >= result.body.total) break;
    }
  }
  return [...missing];
}

async function registerApplicant(): Promise<{ username: string }> {
  const username = `codec-${randomInt(1e9)}`;
  const result = await http('POST', '/auth/register', { body: { username, password: 'applicant-pass-1', name: '周九', mobile: person().mobile } });
  if (result.status !== 202) throw new Error(`register answered ${result.status}`);
  return { username };
}
