import { cpus } from 'node:os';
import { Client as PgClient } from 'pg';
import type { PersonalDataCipher } from '@onetrip/infrastructure';
import { DEPARTMENTS, feeLedgerForApplication, sampleApplicationForm } from '@onetrip/domain';
import {
  buildCasePolicy,
  DEFAULT_FORBIDDEN_WORDS_SETTING,
  DEFAULT_HOLIDAYS_SETTING,
  DEFAULT_MAKEUP_WORKDAYS_SETTING,
  DEFAULT_OFFICE_HOURS_SETTING,
} from '../apps/api/src/applications/case-policy';

// Fills the read model with N cases and 5·N tasks server-side (generate_series), one slice of the cases per
// core, each on its own connection (one backend inserting 1 M rows with sealed forms is bound to one core),
// with a realistic mix: 95.5 % completed (2 % of all after a correction), 0.8 % in progress, 0.2 % overdue,
// 0.6 % awaiting the applicant's correction, 0.2 % just submitted (at SAMR), 1 % rejected, 1.7 % cancelled;
// plus complaints and failing steps where those tables exist. Secondary indexes are dropped during the load
// and rebuilt after it (same definitions), then the tables are vacuumed and analysed.
//
//   DATABASE_URL=postgres://… npx tsx bench/seed-read-model.ts --cases=1000000
//
// Seeded rows are marked: users `seed-…`, case ids md5('seed-case-<n>'). Seeding twice is refused. The slices commit
// on their own, so a failure part-way removes what was seeded and puts the indexes back before it is reported.

export interface SeedResult {
  cases: number;
  tasks: number;
  users: number;
  complaints: number;
  stepFailures: number;
  seconds: number;
  tableMiB: Record<string, number>;
  statusMix: Record<string, number>;
  openTasksByDepartment: Record<string, number>;
}

// Bucket of case g: b = g % 1000. Live cases are ~2 %: with a year of cases in the table and a few
// days in the system each, arrival rate × time in system puts that share in progress at any moment.
const BUCKET = {
  completed: [0, 935],
  completedAfterCorrection: [935, 955],
  inProgress: [955, 963],
  overdue: [963, 965],
  awaitingCorrection: [965, 971],
  atSamr: [971, 973],
  rejectedAtSamr: [973, 976],
  rejected: [976, 983],
  cancelled: [983, 1000],
} as const;
const inBucket = (name: keyof typeof BUCKET, b = 'b'): string => `(${b} >= ${BUCKET[name][0]} AND ${b} < ${BUCKET[name][1]})`;

/** Submission time of case g, by its bucket (live cases are recent). */
const SUBMITTED = `CASE
  WHEN ${inBucket('inProgress', '(g % 1000)')} THEN now() - make_interval(mins => 5 + (g % 240))
  WHEN ${inBucket('overdue', '(g % 1000)')} THEN now() - make_interval(mins => 2880 + (g % 4320))
  WHEN ${inBucket('awaitingCorrection', '(g % 1000)')} THEN now() - make_interval(mins => 600 + (g % 7200))
  WHEN ${inBucket('atSamr', '(g % 1000)')} THEN now() - make_interval(mins => 1 + (g % 120))
  ELSE now() - make_interval(mins => 4320 + ((g::bigint * 7919) % 525600)::int)
END`;

const CASE_STATUS = `CASE
  WHEN b < ${BUCKET.completedAfterCorrection[1]} THEN 'COMPLETED'
  WHEN ${inBucket('inProgress')} OR ${inBucket('overdue')} OR ${inBucket('atSamr')} THEN 'IN_PROGRESS'
  WHEN ${inBucket('awaitingCorrection')} THEN 'AWAITING_CORRECTION'
  WHEN ${inBucket('rejected')} OR ${inBucket('rejectedAtSamr')} THEN 'REJECTED'
  ELSE 'CANCELLED'
END`;

/** Task status of department i (0 = SAMR … 4 = BANK), round r, case g in bucket b. */
const TASK_STATUS = `CASE
  WHEN b < ${BUCKET.completed[1]} THEN 'DONE'
  WHEN ${inBucket('completedAfterCorrection')} THEN CASE WHEN i = g % 5 AND r = 1 THEN 'RETURNED' ELSE 'DONE' END
  WHEN ${inBucket('rejectedAtSamr')} THEN 'REJECTED'
  WHEN i = 0 AND NOT ${inBucket('atSamr')} THEN 'DONE'
  WHEN ${inBucket('inProgress')} THEN CASE WHEN (g + i) % 3 = 0 THEN 'CLAIMED' ELSE 'OPEN' END
  WHEN ${inBucket('overdue')} THEN CASE WHEN (g + i) % 2 = 0 THEN 'OPEN' ELSE 'DONE' END
  WHEN ${inBucket('awaitingCorrection')} THEN CASE WHEN i = 1 + g % 4 THEN 'RETURNED' ELSE 'DONE' END
  WHEN ${inBucket('atSamr')} THEN 'OPEN'
  WHEN ${inBucket('rejected')} THEN CASE WHEN i = 1 + g % 4 THEN 'REJECTED' ELSE 'CANCELLED' END
  ELSE 'CANCELLED'
END`;

const DEPARTMENT_OUTPUTS: Record<string, unknown> = {
  SAMR: { uscc: '91433101MA4L000000', licenseNumber: '433101000000000', enterpriseName: '吉首市种子科技有限公司' },
  PSB: { seals: ['OFFICIAL', 'FINANCE', 'INVOICE', 'LEGAL_REPRESENTATIVE'].map((kind, n) => ({ kind, filingCode: `43310120260000${n}` })) },
  TAX: { taxpayerId: '91433101MA4L000000', taxpayerType: 'SMALL_SCALE', invoicesApproved: true, ukeyNumber: '661234567890' },
  HRSS: { socialInsuranceNumber: '4331012026000000', enrolledEmployees: 1 },
  BANK: { bankCode: 'ICBC', bankName: '中国工商银行', branch: '吉首乾州支行', accountNumber: '6222020000000000000' },
};

const OUTCOME = {
  uscc: '91433101MA4L000000',
  licenseNumber: '433101000000000',
  enterpriseName: '吉首市种子科技有限公司',
  seals: ['OFFICIAL', 'FINANCE', 'INVOICE', 'LEGAL_REPRESENTATIVE'].map((kind, n) => ({ kind, code: `43310120260000${n}` })),
  tax: { taxpayerId: '91433101MA4L000000', ukeyNumber: '661234567890', invoicesApproved: true },
  socialInsurance: { registrationNumber: '4331012026000000' },
  bankAccount: { bankCode: 'ICBC', bankName: '中国工商银行', branch: '吉首乾州支行', accountNumber: '6222020000000000000' },
  delivery: { method: 'FREE_MAIL', tripsRequired: 0 },
};

function defaultPolicy(): unknown {
  return buildCasePolicy({
    CASE_DEPARTMENT_MODES: '',
    CASE_TIME_LIMIT_MINUTES: '240',
    CASE_REMINDER_LEAD_MINUTES: 60,
    CASE_CALENDAR: 'OFFICE',
    CASE_OFFICE_HOURS: DEFAULT_OFFICE_HOURS_SETTING,
    CASE_HOLIDAYS: DEFAULT_HOLIDAYS_SETTING,
    CASE_MAKEUP_WORKDAYS: DEFAULT_MAKEUP_WORKDAYS_SETTING,
    JURISDICTION_DIVISION_CODE: '433101',
    JURISDICTION_NAME: '吉首市',
    FORBIDDEN_NAME_WORDS: DEFAULT_FORBIDDEN_WORDS_SETTING,
  });
}

async function tableExists(db: PgClient, name: string): Promise<boolean> {
  return ((await db.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [name])).rows[0] as { found: boolean }).found;
}

/** Case numbers 1…n in one contiguous slice per connection. */
function slices(n: number, count: number): Array<[number, number]> {
  const size = Math.ceil(n / count);
  return Array.from({ length: count }, (_, k) => [k * size + 1, Math.min(n, (k + 1) * size)] as [number, number]).filter(([from, to]) => from <= to);
}

export async function seedReadModel(
  databaseUrl: string,
  // With the apps' cipher the seeded forms are sealed as the API stores them, so case views pay for decryption.
  options: { cases: number; log?: (message: string) => void; cipher?: PersonalDataCipher },
): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const n = Math.floor(options.cases);
  const applicants = Math.max(100, Math.floor(n / 10));
  const began = Date.now();
  const connect = async (): Promise<PgClient> => {
    const client = new PgClient({ connectionString: databaseUrl, application_name: 'onetrip-seed' });
    await client.connect();
    return client;
  };
  const db = await connect();
  const loaders: PgClient[] = [];
  let indexes: { name: string; definition: string }[] = [];
  let dirty = false;
  try {
    const [{ seeded }] = (await db.query(`SELECT EXISTS (SELECT 1 FROM users WHERE username = 'seed-applicant-1') AS seeded`)).rows as { seeded: boolean }[];
    if (seeded) throw new Error('this database is already seeded (users seed-applicant-*)');
    const plainForm = sampleApplicationForm();
    const form = options.cipher ? options.cipher.sealFields(plainForm) : plainForm;
    // The policy and fees as the API stores them: from a real case when there is one.
    const [real] = (await db.query(`SELECT policy, fees FROM cases ORDER BY submitted_at DESC LIMIT 1`)).rows as { policy: unknown; fees: unknown }[];
    const policy = real?.policy ?? defaultPolicy();
    const fees = real?.fees ?? feeLedgerForApplication(plainForm);

    indexes = (
      await db.query(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
         WHERE t.relname IN ('cases', 'tasks') AND t.relnamespace = current_schema()::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      )
    ).rows as { name: string; definition: string }[];
    dirty = true;
    await db.query('BEGIN');
    for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
    await db.query(
      `INSERT INTO users (id, username, password_hash, name, role, department)
       SELECT md5('seed-user-' || g)::uuid, 'seed-applicant-' || g, 'x', '种子申请人', 'APPLICANT', NULL FROM generate_series(1, $1::int) g`,
      [applicants],
    );
    await db.query(
      `INSERT INTO users (id, username, password_hash, name, role, department)
       SELECT md5('seed-clerk-' || d)::uuid, 'seed-clerk-' || lower(d), 'x', '种子窗口', 'CLERK', d FROM unnest($1::text[]) d`,
      [DEPARTMENTS],
    );
    await db.query('COMMIT');
    const parts = slices(n, cpus().length);
    log(`seed: ${indexes.length} secondary indexes set aside, ${applicants} applicants; cases and tasks on ${parts.length} connections…`);

    let at = Date.now();
    const outputsByDepartment = DEPARTMENTS.map((department) => JSON.stringify(DEPARTMENT_OUTPUTS[department]));
    for (let k = 0; k < parts.length; k++) loaders.push(await connect());
    await Promise.all(
      parts.map(async ([from, to], k) => {
        const loader = loaders[k];
        await loader.query('BEGIN');
        await loader.query(`SET LOCAL session_replication_role = replica`); // no FK triggers during the load
        await loader.query(`SET LOCAL synchronous_commit = off`);
        await loader.query(CASES_SQL, [JSON.stringify(form), JSON.stringify(policy), JSON.stringify(fees), JSON.stringify(OUTCOME), applicants, from, to]);
        await loader.query(TASKS_SQL, [outputsByDepartment, from, to]);
        await loader.query('COMMIT');
      }),
    );
    log(`seed: ${n} cases and their tasks in ${((Date.now() - at) / 1000).toFixed(0)} s`);

    let complaints = 0;
    if (await tableExists(db, 'complaints')) {
      complaints = (
        await db.query(
          `INSERT INTO complaints (id, case_id, raised_by_id, text, status, opened_at, resolved_by_id, resolution, resolved_at)
           SELECT md5('seed-complaint-' || g)::uuid, md5('seed-case-' || g)::uuid, md5('seed-user-' || (1 + g % $1::int))::uuid, '办了三次还没办好', s,
                  now() - make_interval(mins => g % 10080), CASE WHEN s = 'RESOLVED' THEN md5('seed-clerk-SAMR')::uuid END,
                  CASE WHEN s = 'RESOLVED' THEN '已协调办结' END, CASE WHEN s = 'RESOLVED' THEN now() - make_interval(mins => g % 60) END
           FROM (SELECT g, CASE WHEN g % 3 = 0 THEN 'OPEN' ELSE 'RESOLVED' END AS s FROM generate_series(1, $2::int) g WHERE g % 1000 >= 955 AND g % 1000 < 973 AND (g / 1000) % 20 = 0) x`,
          [applicants, n],
        )
      ).rowCount ?? 0;
    }
    let stepFailures = 0;
    if (await tableExists(db, 'step_failures')) {
      stepFailures = (
        await db.query(
          `INSERT INTO step_failures (case_id, department, activity, attempts, last_error, first_failed_at, last_failed_at)
           SELECT md5('seed-case-' || g)::uuid, (ARRAY['PSB','TAX','HRSS','BANK'])[1 + g % 4], 'runAutomaticStep', 3 + g % 20, 'connect ECONNREFUSED 10.0.0.8:443',
                  now() - make_interval(mins => 10 + g % 600), now() - make_interval(mins => g % 10)
           FROM generate_series(1, $1::int) g WHERE g % 1000 >= 955 AND g % 1000 < 963 AND (g / 1000) % 30 = 0`,
          [n],
        )
      ).rowCount ?? 0;
    }

    at = Date.now();
    await db.query(`SET maintenance_work_mem = '1GB'`);
    for (const index of indexes) await db.query(index.definition);
    dirty = false;
    log(`seed: ${indexes.length} indexes rebuilt in ${((Date.now() - at) / 1000).toFixed(0)} s; vacuum and analyse…`);
    at = Date.now();
    const vacuumed = ['cases', 'tasks', 'users', ...(complaints ? ['complaints'] : []), ...(stepFailures ? ['step_failures'] : [])];
    await Promise.all(
      [db, ...loaders].map(async (client, k, clients) => {
        for (let t = k; t < vacuumed.length; t += clients.length) await client.query(`VACUUM (ANALYZE) ${vacuumed[t]}`);
      }),
    );
    log(`seed: vacuumed in ${((Date.now() - at) / 1000).toFixed(0)} s`);

    const counts = (await db.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM tasks)::int AS tasks, (SELECT count(*) FROM users)::int AS users`))
      .rows[0] as { cases: number; tasks: number; users: number };
    const sizes = (
      await db.query(
        `SELECT relname AS name, pg_total_relation_size(oid) / 1048576 AS mib FROM pg_class
         WHERE relname IN ('cases', 'tasks', 'users') AND relkind = 'r' AND relnamespace = current_schema()::regnamespace`,
      )
    ).rows as { name: string; mib: string }[];
    const mix = (await db.query(`SELECT status, count(*)::int AS n FROM cases GROUP BY status ORDER BY status`)).rows as { status: string; n: number }[];
    const open = (await db.query(`SELECT department, count(*)::int AS n FROM tasks WHERE status = 'OPEN' GROUP BY department ORDER BY department`)).rows as {
      department: string;
      n: number;
    }[];
    return {
      ...counts,
      complaints,
      stepFailures,
      seconds: Math.round((Date.now() - began) / 1000),
      tableMiB: Object.fromEntries(sizes.map((row) => [row.name, Number(row.mib)])),
      statusMix: Object.fromEntries(mix.map((row) => [row.status, row.n])),
      openTasksByDepartment: Object.fromEntries(open.map((row) => [row.department, row.n])),
    };
  } catch (error) {
    for (const client of [db, ...loaders]) await client.query('ROLLBACK').catch(() => undefined);
    if (dirty) await undoSeed(db, n, indexes).catch((undo: unknown) => log(`seed: could not undo the part-way seed: ${String(undo)}`));
    throw error;
  } finally {
    await Promise.all([db, ...loaders].map((client) => client.end().catch(() => undefined)));
  }
}

/** After a failure part-way: the slices that committed are deleted and the indexes set aside are rebuilt. */
async function undoSeed(db: PgClient, n: number, indexes: { definition: string }[]): Promise<void> {
  await db.query('BEGIN');
  const seeded = `SELECT md5('seed-case-' || g)::uuid FROM generate_series(1, ${n}) g`;
  for (const table of ['complaints', 'step_failures']) {
    if (await tableExists(db, table)) await db.query(`DELETE FROM ${table} WHERE case_id IN (${seeded})`);
  }
  await db.query(`DELETE FROM tasks WHERE case_id IN (${seeded})`);
  await db.query(`DELETE FROM cases WHERE id IN (${seeded})`);
  await db.query(`DELETE FROM users WHERE username LIKE 'seed-%' AND password_hash = 'x'`);
  for (const index of indexes) await db.query(index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
  await db.query('COMMIT');
}

/** Cases $6…$7 (case numbers g), with their form ($1), policy ($2), fees ($3) and outcome ($4). */
const CASES_SQL = `INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, status, form, form_version, enterprise_name, policy, fees, correction_round, correction,
                          outcome, uscc, end_reason, submitted_at, completed_at, ended_at, awaiting_applicant_since, last_progress_at, updated_at,
                          process_key, process_version)
       SELECT id, 'case-' || id, applicant, applicant, status,
              jsonb_set($1::jsonb, '{company,name}', to_jsonb('吉首市种子' || g || '科技有限公司')),
              CASE WHEN ${inBucket('completedAfterCorrection')} THEN 2 ELSE 1 END,
              '吉首市种子' || g || '科技有限公司', $2::jsonb, $3::jsonb,
              CASE WHEN ${inBucket('completedAfterCorrection')} OR ${inBucket('awaitingCorrection')} THEN 1 ELSE 0 END,
              CASE WHEN ${inBucket('awaitingCorrection')} THEN jsonb_build_object('round', 1, 'items', jsonb_build_array(jsonb_build_object(
                'department', (ARRAY['PSB','TAX','HRSS','BANK'])[1 + g % 4], 'field', 'legalRepresentative.mobile', 'reason', '手机号无法接通'))) END,
              CASE WHEN status = 'COMPLETED' THEN $4::jsonb END,
              CASE WHEN NOT (${inBucket('atSamr')} OR ${inBucket('rejectedAtSamr')}) THEN '9143310' || lpad(g::text, 10, '0') || 'X' END,
              CASE WHEN status = 'REJECTED' THEN '企业名称含禁用字词' WHEN status = 'CANCELLED' THEN '申请人撤回申请' END,
              submitted,
              CASE WHEN status = 'COMPLETED' THEN finished END,
              CASE WHEN status IN ('COMPLETED', 'REJECTED', 'CANCELLED') THEN finished END,
              CASE WHEN status = 'AWAITING_CORRECTION' THEN submitted + interval '2 hours' END,
              CASE WHEN status IN ('COMPLETED', 'REJECTED', 'CANCELLED') THEN finished
                   WHEN ${inBucket('overdue')} THEN submitted + interval '1 hour'
                   WHEN status = 'AWAITING_CORRECTION' THEN submitted + interval '2 hours'
                   ELSE submitted END,
              now(),
              -- Since the engine (issue 12) every case names its process; the seed is all openings, version 1.
              'enterprise-opening', 1
       FROM (SELECT g, b, md5('seed-case-' || g)::uuid AS id, md5('seed-user-' || (1 + g % $5::int))::uuid AS applicant, ${CASE_STATUS} AS status,
                    submitted, submitted + make_interval(hours => 2 + (g % 70)) AS finished
             FROM (SELECT g, g % 1000 AS b, ${SUBMITTED} AS submitted FROM generate_series($6::int, $7::int) g) s) c`;

/** The tasks of cases $2…$3, each department's outputs from $1. */
const TASKS_SQL = `INSERT INTO tasks (id, case_id, department, round, mode, status, opened_at, due_at, reminded_at, overdue_at, escalated_at,
                          claimed_by_id, claimed_at, decided_by_id, decided_at, outputs, return_items, reject_reason, step_id)
       SELECT id || '.' || department || '.' || r, id, department, r, 'MANUAL', status, opened, due,
              CASE WHEN overdue THEN due - interval '1 hour' END,
              CASE WHEN overdue THEN due END,
              CASE WHEN overdue THEN due END,
              CASE WHEN status <> 'OPEN' AND status <> 'CANCELLED' THEN clerk END,
              CASE WHEN status <> 'OPEN' AND status <> 'CANCELLED' THEN opened + interval '10 minutes' END,
              CASE WHEN status IN ('DONE', 'RETURNED', 'REJECTED') THEN clerk END,
              CASE WHEN status IN ('DONE', 'RETURNED', 'REJECTED') THEN opened + interval '40 minutes' END,
              CASE WHEN status = 'DONE' THEN ($1::jsonb[])[i + 1] END,
              CASE WHEN status = 'RETURNED' THEN '[{"field": "legalRepresentative.mobile", "reason": "手机号无法接通"}]'::jsonb END,
              CASE WHEN status = 'REJECTED' THEN '企业名称含禁用字词' END,
              -- The opening's steps are named after their departments.
              department
       FROM (SELECT c.*, d.department, d.i, rr.r, ${TASK_STATUS} AS status,
                    md5('seed-clerk-' || d.department)::uuid AS clerk,
                    CASE WHEN d.i = 0 THEN c.submitted ELSE c.submitted + interval '1 hour' END + make_interval(hours => 3 * (rr.r - 1)) AS opened
             FROM (SELECT g, g % 1000 AS b, md5('seed-case-' || g)::uuid AS id, ${SUBMITTED} AS submitted FROM generate_series($2::int, $3::int) g) c
             CROSS JOIN (VALUES ('SAMR', 0), ('PSB', 1), ('TAX', 2), ('HRSS', 3), ('BANK', 4)) d(department, i)
             CROSS JOIN (VALUES (1), (2)) rr(r)
             WHERE (rr.r = 1 OR (${inBucket('completedAfterCorrection', 'c.b')} AND d.i = c.g % 5))
               AND NOT ((${inBucket('atSamr', 'c.b')} OR ${inBucket('rejectedAtSamr', 'c.b')}) AND d.i > 0)) t
       CROSS JOIN LATERAL (SELECT status IN ('OPEN', 'CLAIMED') AND ${inBucket('overdue')} AS overdue,
                                  CASE WHEN status IN ('OPEN', 'CLAIMED') AND ${inBucket('overdue')} THEN now() - make_interval(mins => 1 + (g % 1440))
                                       WHEN status IN ('OPEN', 'CLAIMED') THEN now() + make_interval(mins => 1 + (g % 480))
                                       ELSE opened + interval '4 hours' END AS due) x`;

if (require.main === module) {
  const flag = process.argv.find((arg) => arg.startsWith('--cases='));
  const cases = Number((flag?.slice('--cases='.length) ?? '1000000').replace(/_/g, ''));
  const url = process.env.DATABASE_URL;
  if (!url || !Number.isFinite(cases) || cases < 1000) {
    console.error('usage: DATABASE_URL=postgres://… tsx bench/seed-read-model.ts [--cases=1000000]  (at least 1000; tasks are 5 per case)');
    process.exit(2);
  }
  seedReadModel(url, { cases, log: (message) => console.log(message) })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
