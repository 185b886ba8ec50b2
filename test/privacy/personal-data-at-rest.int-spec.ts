import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeResidentId, maskIdNumber, maskMobile, type ApplicationForm } from '@onetrip/domain';
import { openDataSource } from '@onetrip/infrastructure/database/data-source';
import { sealLegacyPersonalData } from '@onetrip/infrastructure/database/personal-data-backfill';
import { fileCase, openTaskId, signIn, validForm, waitForView, type CaseView } from '../api/api-fixtures';
import { testCipher, useRealServers } from '../support/case-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { testStack } from '../support/test-stack';
import { findPersonalData } from './personal-data-scanner';

function person(): { idNumber: string; mobile: string } {
  return { idNumber: makeResidentId('433101', `19${randomInt(60, 99)}-0${randomInt(1, 10)}-2${randomInt(0, 9)}`, randomInt(0, 1000)), mobile: `1${randomInt(3, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}` };
}

// Issue 7, personal data at rest: ID numbers and mobiles are sealed field by field in PostgreSQL
// (cases.form, corrections.changes, users.mobile); whoever may see them through the API still does.
describe('ID numbers and mobiles encrypted at rest', () => {
  const servers = useRealServers();
  let typeorm: DataSource;
  beforeAll(async () => {
    typeorm = await openDataSource(testStack().databaseUrl, { poolSize: 2 });
  });
  afterAll(() => typeorm.destroy());

  /** The raw text of the personal columns of these rows, as anyone with SQL access reads them. */
  async function rawColumns(caseIds: string[], userIds: string[]): Promise<string> {
    const { db } = servers;
    const cases = await db.query(`SELECT form::text AS text FROM cases WHERE id = ANY($1::uuid[])`, [caseIds]);
    const corrections = await db.query(`SELECT changes::text AS text FROM corrections WHERE case_id = ANY($1::uuid[])`, [caseIds]);
    const users = await db.query(`SELECT mobile AS text FROM users WHERE id = ANY($1::uuid[])`, [userIds]);
    return [...cases.rows, ...corrections.rows, ...users.rows].map((row: { text: string }) => row.text).join('\n');
  }

  it('stores them sealed, and the owner, the department and the admin still see what they saw before', async () => {
    const representative = person();
    const employee = person();
    const newMobile = person().mobile;
    const applicantMobile = person().mobile;
    const username = `at-rest-${randomInt(1e9)}`;
    expect((await http('POST', '/auth/register', { body: { username, password: 'applicant-pass-1', name: '钱七', mobile: applicantMobile } })).status).toBe(202);
    const applicant = await signIn(username, 'applicant-pass-1');
    const form = validForm((draft) => {
      draft.legalRepresentative.idNumber = representative.idNumber;
      draft.legalRepresentative.mobile = representative.mobile;
      draft.shareholders[0].idNumber = representative.idNumber;
      draft.socialInsurance.employees[0].idNumber = employee.idNumber;
    });
    const filed = await fileCase(applicant.token, form);

    // A correction of the mobile: stored sealed by the API, applied by the worker, stored sealed again.
    const samr = await signIn('clerk-samr');
    expect((await http('POST', `/tasks/${await openTaskId(servers.db, filed.id, 'SAMR')}/return`, { token: samr.token, body: { items: [{ field: 'legalRepresentative.mobile', reason: 'not reachable' }] } })).status).toBe(200);
    await waitForView(applicant.token, filed.id, 'the correction notice', (view) => view.status === 'AWAITING_CORRECTION');
    expect((await http('POST', `/applications/${filed.id}/corrections`, { token: applicant.token, body: { changes: { 'legalRepresentative.mobile': newMobile } } })).status).toBe(200);
    const reopened = await waitForView(applicant.token, filed.id, 'the correction applied', (view) => view.status === 'IN_PROGRESS' && view.form?.legalRepresentative.mobile === newMobile);

    const raw = await rawColumns([filed.id], [applicant.id]);
    const plaintext = findPersonalData(raw, 'raw SQL');
    expect(plaintext).toEqual([]);
    expect(raw).toContain('pd1:'); // positive control: the columns were read, and hold sealed values
    expect(raw.match(/pd1:/g)?.length).toBeGreaterThanOrEqual(6); // 4 in the form, 1 in the correction, 1 mobile

    // The owner sees the form whole, as filed and corrected.
    const expected: ApplicationForm = { ...form, legalRepresentative: { ...form.legalRepresentative, mobile: newMobile } };
    expect(reopened.form).toEqual(expected);
    // SAMR reads the ID number and mobile it needs; the admin sees them masked unless asking.
    const task = await http<{ form: { legalRepresentative: { idNumber: string; mobile: string } } }>('GET', `/tasks/${await openTaskId(servers.db, filed.id, 'SAMR')}`, { token: samr.token });
    expect(task.body.form.legalRepresentative).toMatchObject({ idNumber: representative.idNumber, mobile: newMobile });
    const admin = await signIn('admin');
    const masked = await http<{ form: ApplicationForm }>('GET', `/admin/cases/${filed.id}`, { token: admin.token });
    expect(masked.body.form.legalRepresentative).toMatchObject({ idNumber: maskIdNumber(representative.idNumber), mobile: maskMobile(newMobile) });

    recordCheck({
      id: 'personal-data.at-rest',
      section: 'Personal data',
      check: 'ID numbers and mobiles are encrypted at rest; authorised API reads still show them',
      how: 'file + correct a case with planted values, raw SELECT of cases.form, corrections.changes, users.mobile',
      figures: {
        'raw columns scanned (bytes)': Buffer.byteLength(raw),
        'sealed values found': raw.match(/pd1:/g)?.length ?? 0,
        'plaintext ID numbers found': plaintext.filter((hit) => hit.kind === 'ID number').length,
        'plaintext mobiles found': plaintext.filter((hit) => hit.kind === 'mobile').length,
      },
    });
  });

  it('reads rows written before encryption as they are, and seals them in place', async () => {
    const representative = person();
    const applicant = await signIn((await registerApplicant()).username, 'applicant-pass-1');
    const form = validForm((draft) => {
      draft.legalRepresentative.idNumber = representative.idNumber;
      draft.legalRepresentative.mobile = representative.mobile;
    });
    const filed: CaseView = await fileCase(applicant.token, form);
    // Turn the rows back into what they were before this release: plain values.
    await servers.db.query(`UPDATE cases SET form = $2 WHERE id = $1`, [filed.id, JSON.stringify(form)]);
    await servers.db.query(`UPDATE users SET mobile = $2 WHERE id = $1`, [applicant.id, representative.mobile]);
    const before = await rawColumns([filed.id], [applicant.id]);
    expect(findPersonalData(before, 'legacy').length).toBeGreaterThanOrEqual(3); // positive control: plaintext is found when there

    expect((await http<CaseView>('GET', `/applications/${filed.id}`, { token: applicant.token })).body.form).toEqual(form);
    const sealed = await sealLegacyPersonalData(typeorm, testCipher(), { only: { caseIds: [filed.id], userIds: [applicant.id] } });
    expect(sealed).toEqual({ cases: 1, corrections: 0, users: 1 });
    const after = findPersonalData(await rawColumns([filed.id], [applicant.id]), 'sealed');
    expect(after).toEqual([]);
    expect((await http<CaseView>('GET', `/applications/${filed.id}`, { token: applicant.token })).body.form).toEqual(form);
    // A second run finds nothing left to do.
    expect(await sealLegacyPersonalData(typeorm, testCipher(), { only: { caseIds: [filed.id], userIds: [applicant.id] } })).toEqual({ cases: 0, corrections: 0, users: 0 });

    recordCheck({
      id: 'personal-data.at-rest-legacy',
      section: 'Personal data',
      check: 'Rows from before at-rest encryption are read as they are and sealed in place',
      how: 'plain row written back, read through the API, sealed by the worker\'s start-up backfill function',
      figures: { 'plaintext values before': findPersonalData(before, 'legacy').length, 'case rows sealed': sealed.cases, 'user rows sealed': sealed.users, 'plaintext values after': after.length },
    });
  });
});

async function registerApplicant(): Promise<{ username: string }> {
  const username = `at-rest-${randomInt(1e9)}`;
  const result = await http('POST', '/auth/register', { body: { username, password: 'applicant-pass-1', name: '孙八', mobile: person().mobile } });
  if (result.status !== 202) throw new Error(`register answered ${result.status}`);
  return { username };
}
