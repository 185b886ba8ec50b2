import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { signIn, type SignedIn } from '../api/api-fixtures';
import { connectDatabase, insertUser } from '../support/case-fixtures';
import { http } from '../support/http';

// A month no other test touches, seeded by hand; every expected figure is worked out here from the
// seed itself, not by the code under test.
const FROM = '2025-03-01';
const TO = '2025-03-31';
const at = (local: string): Date => new Date(`${local}+08:00`);
const ALWAYS = { kind: 'ALWAYS' };
const OFFICE = { kind: 'OFFICE', officeHours: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }], holidays: [], makeUpWorkdays: [] };

interface SeedCase {
  status: string;
  submitted: string;
  completed?: string;
  calendar?: object;
  corrections?: number;
  trips?: number;
  spared?: { GOVERNMENT: string; STATUTORY_FREE: string; BANK_WAIVED: string; total: string };
}

describe('monthly figures (metrics)', () => {
  let db: PgClient;
  let admin: SignedIn;

  const seed: SeedCase[] = [
    // Completed: end-to-end 1 h, 2 h, 3 h, 10 h on the 24x7 calendar and one in office hours:
    // Mon 3 Mar 09:00 → Tue 4 Mar 10:00 = 3 h + 4 h (Monday) + 1 h (Tuesday) = 8 working hours.
    { status: 'COMPLETED', submitted: '2025-03-03T09:00:00', completed: '2025-03-04T10:00:00', calendar: OFFICE, trips: 1, spared: { GOVERNMENT: '960.00', STATUTORY_FREE: '0.00', BANK_WAIVED: '100.00', total: '1060.00' } },
    { status: 'COMPLETED', submitted: '2025-03-05T08:00:00', completed: '2025-03-05T09:00:00', trips: 0, corrections: 1, spared: { GOVERNMENT: '980.00', STATUTORY_FREE: '0.00', BANK_WAIVED: '100.00', total: '1080.00' } },
    { status: 'COMPLETED', submitted: '2025-03-05T10:00:00', completed: '2025-03-05T12:00:00', trips: 1, spared: { GOVERNMENT: '690.00', STATUTORY_FREE: '0.00', BANK_WAIVED: '100.00', total: '790.00' } },
    { status: 'COMPLETED', submitted: '2025-03-10T08:00:00', completed: '2025-03-10T11:00:00', trips: 0, corrections: 2, spared: { GOVERNMENT: '710.00', STATUTORY_FREE: '0.00', BANK_WAIVED: '0.00', total: '710.00' } },
    { status: 'COMPLETED', submitted: '2025-03-12T08:00:00', completed: '2025-03-12T18:00:00', trips: 0, spared: { GOVERNMENT: '980.00', STATUTORY_FREE: '0.00', BANK_WAIVED: '100.00', total: '1080.00' } },
    { status: 'IN_PROGRESS', submitted: '2025-03-20T08:00:00', corrections: 1 },
    { status: 'AWAITING_CORRECTION', submitted: '2025-03-21T08:00:00', corrections: 1 },
    { status: 'REJECTED', submitted: '2025-03-22T08:00:00' },
    { status: 'CANCELLED', submitted: '2025-03-31T23:30:00' },
    // Outside the month on both sides: counted nowhere.
    { status: 'COMPLETED', submitted: '2025-02-28T23:59:00', completed: '2025-02-28T23:59:30', trips: 1, spared: { GOVERNMENT: '1.00', STATUTORY_FREE: '0.00', BANK_WAIVED: '0.00', total: '1.00' } },
    { status: 'IN_PROGRESS', submitted: '2025-04-01T00:00:00' },
  ];

  beforeAll(async () => {
    db = await connectDatabase();
    admin = await signIn('admin');
    const applicantId = await insertUser(db);
    const caseIds: string[] = [];
    for (const item of seed) {
      const id = randomUUID();
      caseIds.push(id);
      const fees = {
        items: [],
        applicantTotal: '0.00',
        borneByOthers: item.spared?.total ?? '0.00',
        totalsByPayer: item.spared ? { GOVERNMENT: item.spared.GOVERNMENT, STATUTORY_FREE: item.spared.STATUTORY_FREE, BANK_WAIVED: item.spared.BANK_WAIVED } : {},
      };
      await db.query(
        `INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, process_key, process_version, status, form, enterprise_name, policy, fees, correction_round, outcome, submitted_at, completed_at, last_progress_at)
         VALUES ($1, $2, $3, $3, 'enterprise-opening', 1, $4, '{}', $5, $6, $7, $8, $9, $10, $11, $10)`,
        [
          id,
          `seed-${id}`,
          applicantId,
          item.status,
          `seed-${id}`,
          JSON.stringify({ calendar: item.calendar ?? ALWAYS }),
          JSON.stringify(fees),
          item.corrections ?? 0,
          item.trips === undefined ? null : JSON.stringify({ delivery: { method: item.trips ? 'WINDOW_PICKUP' : 'FREE_MAIL', tripsRequired: item.trips } }),
          at(item.submitted),
          item.completed ? at(item.completed) : null,
        ],
      );
    }
    // Department steps decided in March: SAMR twice within its limit and once late; TAX once within.
    const task = (caseId: string, department: string, due: string, decided: string, status = 'DONE') =>
      db.query(`INSERT INTO tasks (id, case_id, step_id, department, round, mode, status, opened_at, due_at, decided_at) VALUES ($1, $2, $3, $3, 1, 'MANUAL', $4, $5, $6, $7)`, [
        `${caseId}.${department}.1`,
        caseId,
        department,
        status,
        at('2025-03-03T08:00:00'),
        at(due),
        at(decided),
      ]);
    await task(caseIds[0], 'SAMR', '2025-03-03T12:00:00', '2025-03-03T11:00:00');
    await task(caseIds[1], 'SAMR', '2025-03-05T12:00:00', '2025-03-05T08:30:00');
    await task(caseIds[2], 'SAMR', '2025-03-05T11:00:00', '2025-03-05T11:30:00', 'RETURNED');
    await task(caseIds[1], 'TAX', '2025-03-05T12:00:00', '2025-03-05T08:45:00');
    // Complaints: two opened in March, one of them resolved in March; one opened in February.
    const complaint = (caseId: string, opened: string, resolved?: string) =>
      db.query(`INSERT INTO complaints (id, case_id, raised_by_id, text, status, opened_at, resolved_at, resolution) VALUES ($1, $2, $3, 'x', $4, $5, $6, $7)`, [
        randomUUID(),
        caseId,
        applicantId,
        resolved ? 'RESOLVED' : 'OPEN',
        at(opened),
        resolved ? at(resolved) : null,
        resolved ? 'done' : null,
      ]);
    await complaint(caseIds[5], '2025-03-20T09:00:00', '2025-03-21T09:00:00');
    await complaint(caseIds[6], '2025-03-22T09:00:00');
    await complaint(caseIds[9], '2025-02-28T09:00:00');
  });
  afterAll(() => db.end());

  it('match figures worked out from the seed', async () => {
    const result = await http<Record<string, unknown>>('GET', `/admin/metrics?from=${FROM}&to=${TO}`, { token: admin.token });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      from: FROM,
      to: TO,
      cases: { submitted: 9, byStatus: { SUBMITTED: 0, IN_PROGRESS: 1, AWAITING_CORRECTION: 1, COMPLETED: 5, REJECTED: 1, CANCELLED: 1 } },
      enterprisesOpened: 5,
      // Hours sorted: 1, 2, 3, 8, 10 → median 3; nearest-rank p90 = the 5th of 5 = 10.
      endToEndWorkingHours: { count: 5, median: 3, p90: 10 },
      departments: {
        SAMR: { decided: 3, withinLimit: 2, shareWithinLimit: 0.67 },
        TAX: { decided: 1, withinLimit: 1, shareWithinLimit: 1 },
        PSB: { decided: 0, withinLimit: 0, shareWithinLimit: null },
      },
      // 1 + 2 + 1 + 1 correction rounds over 9 cases.
      corrections: { total: 5, perCase: 0.56 },
      trips: { total: 2, perCase: 0.4, byTrips: { '0': 3, '1': 2 } },
      costs: { applicantPaid: '0.00', borneByOthers: '4720.00', byPayer: { GOVERNMENT: '4320.00', STATUTORY_FREE: '0.00', BANK_WAIVED: '400.00' } },
      complaints: { opened: 2, resolved: 1 },
    });
    const perDay = result.body.perDay as { date: string; submitted: number; completed: number }[];
    expect(perDay).toHaveLength(31);
    expect(perDay.find((day) => day.date === '2025-03-05')).toEqual({ date: '2025-03-05', submitted: 2, completed: 2 });
    expect(perDay.find((day) => day.date === '2025-03-31')).toEqual({ date: '2025-03-31', submitted: 1, completed: 0 });
  });

  it('come as CSV for the monthly report', async () => {
    const result = await http<string>('GET', `/admin/metrics?from=${FROM}&to=${TO}&format=csv`, { token: admin.token });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toContain('text/csv');
    const lines = result.body.trim().split('\n');
    expect(lines[0]).toBe('metric,key,value');
    expect(lines).toEqual(expect.arrayContaining(['enterprises_opened,,5', 'costs,borne_by_others,4720.00', 'department_share_within_limit,SAMR,0.67', 'end_to_end_working_hours,p90,10']));
  });

  it('refuse a bad range naming the field', async () => {
    const result = await http<{ fields: { path: string }[] }>('GET', `/admin/metrics?from=2025-03-10&to=2025-03-01`, { token: admin.token });
    expect(result.status).toBe(400);
    expect(result.body.fields.map((field) => field.path)).toEqual(['to']);
  });
});
