import type { Client as PgClient } from 'pg';
import { makeResidentId } from '@onetrip/domain';
import { connectDatabase, uniqueEnterpriseName } from '../support/case-fixtures';
import { http } from '../support/http';
import { startApi } from '../support/test-stack';
import { fieldPaths, fileCase, newApplicant, openTaskId, signIn, validForm, type CaseView, type ErrorBody, type SignedIn } from './api-fixtures';

// What an independent red-team run found on the case side (issue 11 §7), each with the request that showed it.
describe('case-side abuse found by the red team', () => {
  let db: PgClient;
  let admin: SignedIn;
  let samr: SignedIn;
  let tax: SignedIn;
  let psb: SignedIn;
  beforeAll(async () => {
    db = await connectDatabase();
    [admin, samr, tax, psb] = await Promise.all([signIn('admin'), signIn('clerk-samr'), signIn('clerk-tax'), signIn('clerk-psb')]);
  });
  afterAll(async () => {
    await db.end();
  });

  describe('complaints', () => {
    interface Detail {
      complaints: { id: string }[];
      complaintsTotal: number;
      stuckReasons: { reason: string; openComplaints?: number }[];
    }

    it('limits open complaints per case and person, shows a count and the latest few, pages the rest', async () => {
      const applicant = await newApplicant();
      const filed = await fileCase(applicant.token);
      const raise = (n: number) => http<ErrorBody & { id: string }>('POST', `/applications/${filed.id}/complaints`, { token: applicant.token, body: { text: `complaint ${n} ${'办'.repeat(500)}` } });
      const raised: string[] = [];
      for (let n = 1; n <= 3; n++) {
        const result = await raise(n);
        expect(result.status).toBe(201);
        raised.push(result.body.id);
      }
      const fourth = await raise(4);
      expect(fourth.status).toBe(409);
      expect(fourth.body.code).toBe('COMPLAINT_LIMIT_REACHED');
      // Resolved ones no longer count: three more may come.
      for (const id of raised) expect((await http('POST', `/admin/complaints/${id}/resolve`, { token: admin.token, body: { resolution: 'done' } })).status).toBe(200);
      for (let n = 5; n <= 7; n++) expect((await raise(n)).status).toBe(201);

      const detail = await http<Detail>('GET', `/admin/cases/${filed.id}`, { token: admin.token });
      expect(detail.status).toBe(200);
      expect(detail.body.complaintsTotal).toBe(6);
      expect(detail.body.complaints.length).toBeLessThanOrEqual(5);
      const complaintReasons = detail.body.stuckReasons.filter((reason) => reason.reason === 'COMPLAINT');
      expect(complaintReasons).toHaveLength(1);
      expect(complaintReasons[0].openComplaints).toBe(3);
      const page = await http<{ items: unknown[]; total: number }>('GET', `/admin/complaints?caseId=${filed.id}&limit=2&page=2`, { token: admin.token });
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(6);
      expect(page.body.items).toHaveLength(2);
    });

    it('limits how many complaints one person raises in an hour (an API with a low limit)', async () => {
      const api = await startApi({ RATE_LIMIT_COMPLAINTS_PER_USER_HOUR: '2' }, 'api-complaint-rate');
      try {
        const applicant = await newApplicant(api.url);
        const filed = await http<CaseView>('POST', '/applications', { token: applicant.token, body: validForm(), baseUrl: api.url });
        expect(filed.status).toBe(201);
        const raise = (n: number) => http<ErrorBody>('POST', `/applications/${filed.body.id}/complaints`, { token: applicant.token, body: { text: `rate ${n}` }, baseUrl: api.url });
        expect((await raise(1)).status).toBe(201);
        expect((await raise(2)).status).toBe(201);
        const third = await raise(3);
        expect(third.status).toBe(429);
        expect(third.body.error).toBe('RATE_LIMITED');
        expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        await api.app.stop();
      }
    });

    it('refuses complaints on an ended case', async () => {
      const applicant = await newApplicant();
      const filed = await fileCase(applicant.token);
      await openTaskId(db, filed.id, 'SAMR');
      const cancelled = await http<CaseView>('POST', `/applications/${filed.id}/cancel`, { token: applicant.token, body: { reason: 'no longer needed' } });
      expect(cancelled.status).toBe(200);
      const result = await http<ErrorBody>('POST', `/applications/${filed.id}/complaints`, { token: applicant.token, body: { text: 'why?' } });
      expect(result.status).toBe(409);
      expect(result.body.code).toBe('CASE_CLOSED');
    });
  });

  describe('names differing only in traditional characters', () => {
    it('are the same name: at filing, and when SAMR registers the licence', async () => {
      const simplified = uniqueEnterpriseName().replace('科技', '网络科技');
      const traditional = simplified.replace('网络', '網絡');
      const applicant = await newApplicant();
      const first = await fileCase(applicant.token, validForm((form) => (form.company.name = simplified)));
      // Filed before the first is licensed: only the registration can catch it.
      const second = await fileCase(applicant.token, validForm((form) => (form.company.name = traditional)));
      const licence = await http('POST', `/tasks/${await openTaskId(db, first.id, 'SAMR')}/complete`, { token: samr.token, body: {} });
      expect(licence.status).toBe(200);
      const again = await http<ErrorBody>('POST', `/tasks/${await openTaskId(db, second.id, 'SAMR')}/complete`, { token: samr.token, body: {} });
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('NAME_TAKEN');
      // Filed after: refused at once, the field named.
      const after = await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: validForm((form) => (form.company.name = traditional)) });
      expect(after.status).toBe(400);
      expect(fieldPaths(after)).toContain('company.name');
    });
  });

  describe('filing for someone else', () => {
    it('flags the case for SAMR when the filer’s identity is not verified as the legal representative', async () => {
      const applicant = await newApplicant();
      const filed = await fileCase(applicant.token);
      expect(filed.flags?.map((flag) => flag.code)).toContain('FILER_IDENTITY_UNVERIFIED');
      const taskId = await openTaskId(db, filed.id, 'SAMR');
      const task = await http<{ flags?: { path: string; code: string }[] }>('GET', `/tasks/${taskId}`, { token: samr.token });
      expect(task.body.flags?.map((flag) => flag.code)).toContain('FILER_IDENTITY_UNVERIFIED');
    });
  });

  describe('clerk decisions', () => {
    it('refuses outputs in the wrong format or with control characters, and return items the department cannot see', async () => {
      const applicant = await newApplicant();
      const filed = await fileCase(applicant.token);
      const samrTask = await openTaskId(db, filed.id, 'SAMR');
      // Another department's task does not exist for this clerk.
      expect((await http('GET', `/tasks/${samrTask}`, { token: psb.token })).status).toBe(404);

      const bidi = await http<ErrorBody>('POST', `/tasks/${samrTask}/complete`, { token: samr.token, body: { outputs: { licenseNumber: '4331010\u202E000000001234' } } });
      expect(bidi.status).toBe(400);
      expect(fieldPaths(bidi)).toEqual(['outputs.licenseNumber']);
      const unknown = await http<ErrorBody>('POST', `/tasks/${samrTask}/complete`, { token: samr.token, body: { outputs: { ukeyNumber: '66000000001234' } } });
      expect(unknown.status).toBe(400);
      expect(fieldPaths(unknown)).toEqual(['outputs.ukeyNumber']);
      expect((await http('POST', `/tasks/${samrTask}/complete`, { token: samr.token, body: {} })).status).toBe(200);

      const taxTask = await openTaskId(db, filed.id, 'TAX');
      const unseen = await http<ErrorBody>('POST', `/tasks/${taxTask}/return`, { token: tax.token, body: { items: [{ field: 'shareholders[0].idNumber', reason: 'wrong' }] } });
      expect(unseen.status).toBe(400);
      expect(fieldPaths(unseen)).toEqual(['items[0].field']);
      const bidiReason = await http<ErrorBody>('POST', `/tasks/${taxTask}/return`, { token: tax.token, body: { items: [{ field: 'tax.taxpayerType', reason: 'see \u202Eereh' }] } });
      expect(bidiReason.status).toBe(400);
      expect(fieldPaths(bidiReason)).toEqual(['items[0].reason']);
      expect((await http('POST', `/tasks/${taxTask}/return`, { token: tax.token, body: { items: [{ field: 'tax.taxpayerType', reason: 'needs GENERAL' }] } })).status).toBe(200);
    });
  });

  describe('the masked admin view', () => {
    it('masks ID numbers and mobiles in free-text reasons too', async () => {
      const idNumber = makeResidentId('433101', '1979-03-04', 432);
      const mobile = '13655554444';
      const applicant = await newApplicant();
      const filed = await fileCase(applicant.token);
      const samrTask = await openTaskId(db, filed.id, 'SAMR');
      const returned = await http('POST', `/tasks/${samrTask}/return`, {
        token: samr.token,
        body: { items: [{ field: 'legalRepresentative.idNumber', reason: `证件 ${idNumber} 与电话 ${mobile} 不符` }] },
      });
      expect(returned.status).toBe(200);
      const masked = await http('GET', `/admin/cases/${filed.id}`, { token: admin.token });
      expect(masked.status).toBe(200);
      expect(JSON.stringify(masked.body)).not.toContain(idNumber);
      expect(JSON.stringify(masked.body)).not.toContain(mobile);
      const unmasked = await http('GET', `/admin/cases/${filed.id}?unmask=true`, { token: admin.token });
      expect(JSON.stringify(unmasked.body)).toContain(idNumber);
    });
  });
});
