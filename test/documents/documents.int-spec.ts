import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Client as PgClient } from 'pg';
import type { Department } from '@onetrip/domain';
import { DocumentSigner, documentHash, revokeCaseDocuments, revokeEnterpriseDocuments, supersedeCaseDocuments, supersedeEnterpriseDocuments } from '@onetrip/infrastructure';
import { ROOT } from '../../scripts/stack/app-process';
import { waitFor } from '../../scripts/stack/wait-for';
import { fileCase, newApplicant, openTaskId, signIn, validForm, waitForView, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, testCipher } from '../support/case-fixtures';
import { http } from '../support/http';
import { startApi, testStack, webOrigin } from '../support/test-stack';
import { checkAccessibility, launchBrowser, screenshot } from '../e2e/browser';

// Documents that verify, through the API: one case is returned once (a correction notice) and completed
// (the completion notice); each PDF's text is extracted, its first page rendered to PNG, the QR code read
// from the image and followed to the verify API; then tampering, rotation, supersede and revoke.

const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
const run = promisify(execFile);

interface Verified {
  code: string;
  status: string;
  invalidReason?: string;
  enterpriseName?: string | null;
  keyId: string;
  departments?: { zh: string }[];
  supersededBy?: string;
  statusReason?: string;
}

async function pdfOf(route: string, token: string, baseUrl = testStack().apiUrl): Promise<{ status: number; pdf: Buffer; code: string | null; type: string | null }> {
  const response = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, pdf: Buffer.from(await response.arrayBuffer()), code: response.headers.get('x-document-code'), type: response.headers.get('content-type') };
}

/** The text of every page, and the first page as PNG with the QR code it carries (read in a child process: see read-pdf.mjs). */
async function readPdf(pdf: Buffer, screenshot: string): Promise<{ text: string; qr: string | null; pages: number }> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const input = path.join(SCREENSHOTS, screenshot.replace(/\.png$/, '.pdf'));
  fs.writeFileSync(input, pdf);
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'read-pdf.mjs'), input, path.join(SCREENSHOTS, screenshot)], { cwd: ROOT, maxBuffer: 8 * 1024 * 1024 });
  return JSON.parse(stdout) as { text: string; qr: string | null; pages: number };
}

/** The verify answer for a QR code's URL, read the way a phone would: the code is the path's last part. */
async function verifyUrl(url: string, baseUrl = testStack().apiUrl): Promise<{ status: number; body: Verified; raw: string }> {
  const code = new URL(url).pathname.replace(/^\/verify\//, '');
  const result = await http<Verified>('GET', `/verify/${code}`, { baseUrl });
  return { status: result.status, body: result.body, raw: JSON.stringify(result.body) };
}

describe('documents that verify (completion and correction notices)', () => {
  let db: PgClient;
  let applicant: SignedIn;
  let caseId: string;
  const form = validForm();
  const clerks = {} as Record<Department, SignedIn>;
  const decide = (department: Department, taskId: string, action: 'complete' | 'return', body: object = {}) =>
    http<{ status: string }>('POST', `/tasks/${taskId}/${action}`, { token: clerks[department].token, body });

  beforeAll(async () => {
    db = await connectDatabase();
    for (const department of ['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK'] as Department[]) clerks[department] = await signIn(`clerk-${department.toLowerCase()}`);
    applicant = await newApplicant();
    caseId = (await fileCase(applicant.token, form)).id;
    expect((await decide('SAMR', await openTaskId(db, caseId, 'SAMR'), 'complete')).status).toBe(200);
    for (const department of ['PSB', 'HRSS'] as Department[]) expect((await decide(department, await openTaskId(db, caseId, department), 'complete')).status).toBe(200);
    expect((await decide('BANK', await openTaskId(db, caseId, 'BANK'), 'complete', { outputs: { accountNumber: '62220202001122334455' } })).status).toBe(200);
    expect((await decide('TAX', await openTaskId(db, caseId, 'TAX'), 'return', { items: [{ field: 'tax.taxpayerType', reason: '年销售额超过500万，应登记为一般纳税人' }] })).status).toBe(200);
    await waitForView(applicant.token, caseId, 'the correction notice', (view) => view.status === 'AWAITING_CORRECTION');
    await waitFor('the notice in the outbox', async () =>
      (await db.query(`SELECT 1 FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_NEEDED'`, [caseId])).rowCount ? true : undefined,
    );
  });
  afterAll(() => db.end());

  let correctionCode: string;
  let outcomeCode: string;

  it('issues the correction notice as a PDF whose text, QR code and signature check out', async () => {
    const notYet = await pdfOf(`/cases/${caseId}/outcome.pdf`, applicant.token);
    expect(notYet.status).toBe(409);
    const first = await pdfOf(`/cases/${caseId}/corrections/1.pdf`, applicant.token);
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/pdf');
    expect(first.pdf.length).toBeLessThan(200_000); // the font is subset: 8 MB in the package
    const { text, qr } = await readPdf(first.pdf, 'document-correction-notice.png');
    expect(text).toContain('补正通知书');
    expect(text).toContain('年销售额超过500万，应登记为一般纳税人');
    expect(text).toContain('纳税人类型'); // the field's label from the definition's form schema
    expect(text).toContain('税务局');
    expect(text).toContain(first.code!);
    expect(qr).toMatch(new RegExp(`/verify/${first.code}$`));
    const verified = await verifyUrl(qr!);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ code: first.code, status: 'VALID', kind: 'CORRECTION_NOTICE', enterpriseName: form.company.name, keyId: testStack().documentSigningKeyId });
    expect(verified.raw).not.toContain('一般纳税人'); // the clerk's reason is for the applicant, not the public
    correctionCode = first.code!;

    // Issuing is idempotent: the same case, kind and round give the same document.
    const again = await pdfOf(`/cases/${caseId}/corrections/1.pdf`, applicant.token);
    expect(again.code).toBe(correctionCode);
    expect((await db.query(`SELECT count(*)::int AS n FROM issued_documents WHERE case_id = $1`, [caseId])).rows[0].n).toBe(1);
    // Someone else's case does not exist for them; a round with no notice is not ready.
    expect((await pdfOf(`/cases/${caseId}/corrections/1.pdf`, (await newApplicant()).token)).status).toBe(404);
    expect((await pdfOf(`/cases/${caseId}/corrections/2.pdf`, applicant.token)).status).toBe(409);
  });

  it('issues the completion notice: every department, fees ¥0.00 to the applicant and who bore each cost; no ID number or mobile', async () => {
    expect((await http('POST', `/applications/${caseId}/corrections`, { token: applicant.token, body: { changes: { 'tax.taxpayerType': 'GENERAL' } } })).status).toBe(200);
    expect((await decide('TAX', await openTaskId(db, caseId, 'TAX'), 'complete')).status).toBe(200);
    await waitForView(applicant.token, caseId, 'completed', (view) => view.status === 'COMPLETED');

    const listed = await http<{ kind: string; version: number; path: string }[]>('GET', `/cases/${caseId}/documents`, { token: applicant.token });
    expect(listed.body.map((document) => `${document.kind}:${document.version}`)).toEqual(['CORRECTION_NOTICE:1', 'OUTCOME:1']);

    const outcome = await pdfOf(`/cases/${caseId}/outcome.pdf`, applicant.token);
    expect(outcome.status).toBe(200);
    const { text, qr } = await readPdf(outcome.pdf, 'document-completion-notice.png');
    for (const words of ['办结通知书', form.company.name, '市场监督管理局', '公安局（印章刻制备案）', '税务局', '人力资源和社会保障局', '商业银行', '统一社会信用代码', '¥0.00', '政府购买服务', '依法免费', '银行减免']) {
      expect(text).toContain(words);
    }
    const flat = text.replace(/\s+/g, '');
    expect(flat).not.toContain(form.legalRepresentative.idNumber);
    expect(flat).not.toContain(form.legalRepresentative.mobile);
    const verified = await verifyUrl(qr!);
    expect(verified.body).toMatchObject({ code: outcome.code, status: 'VALID', kind: 'OUTCOME', enterpriseName: form.company.name });
    expect(verified.body.departments?.map((name) => name.zh)).toEqual(['市场监督管理局', '公安局（印章刻制备案）', '税务局', '人力资源和社会保障局', '商业银行']);
    for (const personal of [form.legalRepresentative.idNumber, form.legalRepresentative.mobile, form.legalRepresentative.name]) expect(verified.raw).not.toContain(personal);
    outcomeCode = outcome.code!;
    // A staff member who may see the case (an admin) gets the same document.
    expect((await pdfOf(`/cases/${caseId}/outcome.pdf`, (await signIn('admin')).token)).code).toBe(outcomeCode);
  });

  it('refuses a tampered document: changed content (with or without its hash) or a changed signature', async () => {
    const [row] = (await db.query(`SELECT content, content_hash, signature FROM issued_documents WHERE code = $1`, [outcomeCode])).rows as { content: string; content_hash: string; signature: string }[];
    const cipher = testCipher();
    const changed = { ...JSON.parse(cipher.open(row.content)), enterprise: { name: '吉首市冒名顶替有限公司', uscc: null } };
    const restore = () => db.query(`UPDATE issued_documents SET content = $2, content_hash = $3, signature = $4 WHERE code = $1`, [outcomeCode, row.content, row.content_hash, row.signature]);
    try {
      await db.query(`UPDATE issued_documents SET content = $2 WHERE code = $1`, [outcomeCode, cipher.seal(JSON.stringify(changed))]);
      expect((await http<Verified>('GET', `/verify/${outcomeCode}`)).body).toMatchObject({ status: 'INVALID', invalidReason: 'CONTENT_HASH_MISMATCH' });
      await db.query(`UPDATE issued_documents SET content_hash = $2 WHERE code = $1`, [outcomeCode, documentHash(changed)]);
      const forged = (await http<Verified>('GET', `/verify/${outcomeCode}`)).body;
      expect(forged).toMatchObject({ status: 'INVALID', invalidReason: 'SIGNATURE_INVALID' });
      expect(JSON.stringify(forged)).not.toContain('冒名顶替');
      await restore();
      const signature = Buffer.from(row.signature, 'base64');
      signature[10] ^= 0xff;
      await db.query(`UPDATE issued_documents SET signature = $2 WHERE code = $1`, [outcomeCode, signature.toString('base64')]);
      expect((await http<Verified>('GET', `/verify/${outcomeCode}`)).body).toMatchObject({ status: 'INVALID', invalidReason: 'SIGNATURE_INVALID' });
    } finally {
      await restore();
    }
    expect((await http<Verified>('GET', `/verify/${outcomeCode}`)).body.status).toBe('VALID');
    expect((await http('GET', '/verify/NOSUCHCODE2345678')).status).toBe(404);
    expect((await http('GET', '/verify/not-a-code')).status).toBe(400);
  });

  it('keeps verifying documents signed under a retired key after rotation', async () => {
    const { documentSigningKeys, documentSigningKeyId } = testStack();
    const rotated = await startApi({ DOCUMENT_SIGNING_KEYS: `${documentSigningKeys},${DocumentSigner.generateSetting('rotated-2')}`, DOCUMENT_SIGNING_KEY_ID: 'rotated-2' }, 'api-rotated');
    try {
      const old = await http<Verified>('GET', `/verify/${outcomeCode}`, { baseUrl: rotated.url });
      expect(old.body).toMatchObject({ status: 'VALID', keyId: documentSigningKeyId });
      // A new document (another applicant's completed case is not needed: a fresh round-1 notice of a new case is).
      const other = await newApplicant(rotated.url);
      const filed = await fileCase(other.token, validForm(), {});
      await openTaskId(db, filed.id, 'SAMR');
      expect((await decide('SAMR', await openTaskId(db, filed.id, 'SAMR'), 'return', { items: [{ field: 'company.businessScope', reason: '经营范围表述不规范' }] })).status).toBe(200);
      await waitFor('the second case notice', async () =>
        (await db.query(`SELECT 1 FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_NEEDED'`, [filed.id])).rowCount ? true : undefined,
      );
      const fresh = await pdfOf(`/cases/${filed.id}/corrections/1.pdf`, other.token, rotated.url);
      expect(fresh.status).toBe(200);
      const byRotated = await http<Verified>('GET', `/verify/${fresh.code}`, { baseUrl: rotated.url });
      expect(byRotated.body).toMatchObject({ status: 'VALID', keyId: 'rotated-2' });
      // An API whose ring lacks the new key cannot vouch for it.
      expect((await http<Verified>('GET', `/verify/${fresh.code}`)).body).toMatchObject({ status: 'INVALID', invalidReason: 'UNKNOWN_KEY' });
    } finally {
      await rotated.app.stop();
    }
  });

  it('reports a superseded and a revoked document, with the reason and no personal data (API and the public page)', async () => {
    const browser = await launchBrowser();
    const page = await browser.newPage({ width: 390, height: 844 }); // a phone, as after scanning the QR code
    const showVerifyPage = async (code: string, status: string) => {
      await page.goto(`${webOrigin()}/verify/${code}`);
      await page.locator(`[data-testid="verify-result"][data-status="${status}"]`).waitFor();
      await checkAccessibility(page, `verify ${status}`);
      await screenshot(page, `verify-page-${status.toLowerCase()}`);
      return page.locator('[data-testid="verify-result"]').innerText();
    };
    try {
      const valid = await showVerifyPage(outcomeCode, 'VALID');
      expect(valid).toContain(form.company.name);
      expect(valid).toContain('市场监督管理局');
      expect(valid).not.toContain(form.legalRepresentative.idNumber);
      const [{ uscc }] = (await db.query(`SELECT enterprise_uscc AS uscc FROM issued_documents WHERE code = $1`, [outcomeCode])).rows as { uscc: string }[];
      expect(uscc).toMatch(/^91433101/);
      // A change case's new notice (same USCC) replaces the opening's: by the enterprise, or by the case.
      expect(await supersedeEnterpriseDocuments(db, uscc, { reason: '企业名称变更 Change of name', supersededBy: 'NEWER2345678ABCD' })).toEqual([outcomeCode]);
      expect(await supersedeCaseDocuments(db, caseId, { reason: 'again' })).toEqual([]); // safe to repeat
      expect((await http<Verified>('GET', `/verify/${outcomeCode}`)).body).toMatchObject({ status: 'SUPERSEDED', supersededBy: 'NEWER2345678ABCD', statusReason: '企业名称变更 Change of name' });
      expect((await http<Verified>('GET', `/verify/${correctionCode}`)).body.status).toBe('VALID');
      expect(await supersedeCaseDocuments(db, caseId, { reason: '已补正 Corrected' }, ['CORRECTION_NOTICE'])).toEqual([correctionCode]);
      expect(await showVerifyPage(correctionCode, 'SUPERSEDED')).toContain('已补正 Corrected');

      // The enterprise deregistered: revoked, whatever the status was.
      expect(await revokeEnterpriseDocuments(db, uscc, { reason: '企业已注销 Deregistered' })).toEqual([outcomeCode]);
      expect(await revokeCaseDocuments(db, caseId, { reason: '企业已注销 Deregistered' })).toEqual([correctionCode]);
      for (const code of [outcomeCode, correctionCode]) expect((await http<Verified>('GET', `/verify/${code}`)).body).toMatchObject({ status: 'REVOKED', statusReason: '企业已注销 Deregistered' });
      expect(await showVerifyPage(outcomeCode, 'REVOKED')).toContain('企业已注销 Deregistered');
    } finally {
      await browser.close();
    }
  });
});
