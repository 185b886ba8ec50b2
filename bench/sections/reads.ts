import * as fs from 'node:fs';
import { personalDataCipher } from '@onetrip/infrastructure';
import * as path from 'node:path';
import type { BenchContext } from '../lib/context';
import { expectStatus, registerApplicant, request, signIn, type Session } from '../lib/http';
import { now, round, sleep, summarize, type Summary } from '../lib/stats';
import { LOG_DIR } from '../lib/stack';
import { seedReadModel, type SeedResult } from '../seed-read-model';
import { DEMO_PASSWORD } from './clerks';

// Section 4: reads at scale. The read model is seeded (bench/seed-read-model.ts) to N cases and 5·N
// tasks; then a clerk's inbox page, an applicant's case view and the admin's stuck-case listing are
// timed through HTTP, one request at a time, and the plans PostgreSQL used for them are captured
// with auto_explain (ANALYZE, BUFFERS) from a second API process whose sessions load it.

export interface CapturedPlan {
  durationMs: number;
  plan: string;
}

export interface ReadsSectionResult {
  seed: SeedResult;
  inboxDepartment: string;
  inbox: Summary;
  caseView: Summary;
  stuck: Summary & { via: string; total?: number };
  plans: Record<string, CapturedPlan[]>;
}

const CLERK_OF: Record<string, string> = { SAMR: 'clerk-samr', PSB: 'clerk-psb', TAX: 'clerk-tax', HRSS: 'clerk-hrss', BANK: 'clerk-bank' };

export async function runReadsSection(ctx: BenchContext): Promise<ReadsSectionResult> {
  const { options, log, stack, db } = ctx;
  log(`seeding the read model: ${options.seedCases} cases, ${options.seedCases * 5} tasks`);
  const seed = await seedReadModel(stack.postgres.url, { cases: options.seedCases, log: (message) => log(`  ${message}`), cipher: personalDataCipher(stack.personalDataKeys) });
  log(`  seeded in ${seed.seconds} s: cases ${seed.tableMiB.cases} MiB, tasks ${seed.tableMiB.tasks} MiB; open tasks ${JSON.stringify(seed.openTasksByDepartment)}`);
  // The load wrote gigabytes: flush them now, so the reads are timed in steady state, not beside the
  // checkpointer writing the seed back.
  await db.query('CHECKPOINT');

  const api = ctx.procs.api!;
  // The department with the most open tasks: the largest inbox.
  const inboxDepartment = Object.entries(seed.openTasksByDepartment).sort(([, a], [, b]) => b - a)[0][0];
  const clerk = await signIn(api.url, CLERK_OF[inboxDepartment], DEMO_PASSWORD);
  const admin = await signIn(api.url, 'admin', DEMO_PASSWORD);
  const applicant = await registerApplicant(api.url, `bench-reader-${process.pid}`);
  // The applicant's cases: a random sample of seeded cases, anywhere in the table.
  const sample = (
    await db.query(
      `UPDATE cases SET applicant_id = $1, filed_by_id = $1
       WHERE id IN (SELECT md5('seed-case-' || (1 + floor(random() * $2))::int)::uuid FROM generate_series(1, 1000)) RETURNING id`,
      [applicant.userId, options.seedCases],
    )
  ).rows.map((row: { id: string }) => row.id);

  const stuckRoute = '/admin/cases?stuck=true';
  const stuckProbe = await request<{ total?: number }>(api.url, 'GET', stuckRoute, { token: admin.token });
  const stuckOverHttp = stuckProbe.status === 200;
  if (!stuckOverHttp) log(`  GET /api${stuckRoute} answered ${stuckProbe.status}: timing its SQL directly instead`);

  const inboxRoute = '/tasks?status=OPEN';
  const timeHttp = async (count: number, session: Session, route: (i: number) => string): Promise<number[]> => {
    const values: number[] = [];
    for (let i = 0; i < count + 10; i++) {
      const reply = await expectStatus(request(api.url, 'GET', route(i), { token: session.token }), 200, `GET /api${route(i)}`);
      if (i >= 10) values.push(reply.ms);
    }
    return values;
  };
  log(`reads: ${options.readRequests} inbox pages (${inboxDepartment}), ${options.readRequests} case views, ${options.stuckRequests} stuck listings, one at a time`);
  const inbox = summarize(await timeHttp(options.readRequests, clerk, () => inboxRoute));
  const caseView = summarize(await timeHttp(options.readRequests, applicant, (i) => `/applications/${sample[i % sample.length]}`));
  let stuck: ReadsSectionResult['stuck'];
  if (stuckOverHttp) {
    stuck = { ...summarize(await timeHttp(options.stuckRequests, admin, () => stuckRoute)), via: `HTTP GET /api${stuckRoute}`, total: stuckProbe.body.total };
  } else {
    const values: number[] = [];
    for (let i = 0; i < options.stuckRequests + 5; i++) {
      const begin = now();
      await db.query(STUCK_SQL_FALLBACK);
      if (i >= 5) values.push(now() - begin);
    }
    stuck = { ...summarize(values), via: 'SQL only (the route was not there): bench/sections/reads.ts STUCK_SQL_FALLBACK' };
  }
  log(`  inbox p50 ${inbox.p50} ms p99 ${inbox.p99} ms; case view p50 ${caseView.p50} ms p99 ${caseView.p99} ms; stuck p50 ${stuck.p50} ms p99 ${stuck.p99} ms (${stuck.via})`);

  const plans = await capturePlans(ctx, {
    [`GET /api${inboxRoute} (${inboxDepartment})`]: { session: clerk, route: inboxRoute },
    'GET /api/applications/:id': { session: applicant, route: `/applications/${sample[0]}` },
    ...(stuckOverHttp ? { [`GET /api${stuckRoute}`]: { session: admin, route: stuckRoute } } : {}),
  });
  if (!stuckOverHttp) {
    const explained = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${STUCK_SQL_FALLBACK}`)).rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
    plans['stuck listing SQL (fallback)'] = [{ durationMs: NaN, plan: explained }];
  }
  return { seed, inboxDepartment, inbox, caseView, stuck, plans };
}

/**
 * Plans of every statement each request ran: a second API process is started while the login role
 * has auto_explain preloaded (log_min_duration 0, ANALYZE, BUFFERS), one request is sent per route,
 * and the plans are read from PostgreSQL's log; then the role's settings are reset.
 */
async function capturePlans(ctx: BenchContext, routes: Record<string, { session: Session; route: string }>): Promise<Record<string, CapturedPlan[]>> {
  const { db, stack, log } = ctx;
  const settings = {
    session_preload_libraries: 'auto_explain',
    'auto_explain.log_min_duration': '0',
    'auto_explain.log_analyze': 'on',
    'auto_explain.log_buffers': 'on',
    'auto_explain.log_timing': 'on',
    'auto_explain.log_nested_statements': 'on',
  };
  const plans: Record<string, CapturedPlan[]> = {};
  for (const [name, value] of Object.entries(settings)) await db.query(`ALTER ROLE CURRENT_USER SET ${name} = '${value}'`);
  let lines: string[] = [];
  const listener = (line: string): void => {
    lines.push(line);
  };
  stack.postgresLogListeners.push(listener);
  const explainApi = await stack.startApi('api-explain', { CASE_DEPARTMENT_MODES: '' });
  try {
    for (const [label, { session, route }] of Object.entries(routes)) {
      // Once to warm the connection and the caches, then the request whose plans are kept.
      await request(explainApi.url, 'GET', route, { token: session.token });
      await sleep(300);
      lines = [];
      await expectStatus(request(explainApi.url, 'GET', route, { token: session.token }), 200, `GET /api${route}`);
      await sleep(500);
      plans[label] = parsePlans(lines.join('\n'));
    }
  } finally {
    stack.postgresLogListeners.splice(stack.postgresLogListeners.indexOf(listener), 1);
    await db.query(`ALTER ROLE CURRENT_USER RESET ALL`);
    await explainApi.stop();
  }
  fs.writeFileSync(path.join(LOG_DIR, 'plans.json'), JSON.stringify(plans, null, 2));
  log(`  plans captured: ${Object.entries(plans).map(([label, list]) => `${label}: ${list.length}`).join('; ')}`);
  return plans;
}

/** auto_explain's text output: `LOG:  duration: 1.234 ms  plan:` then the query text and the plan, tab-indented. */
export function parsePlans(text: string): CapturedPlan[] {
  const plans: CapturedPlan[] = [];
  const pattern = /duration: ([\d.]+) ms\s+plan:\n([\s\S]*?)(?=\n[^\t\n][^\n]*(?:LOG|STATEMENT|ERROR|WARNING|DETAIL):|\n[^\t\n][^\n]*duration: |$)/g;
  for (const match of text.matchAll(pattern)) {
    const plan = match[2]
      .split('\n')
      .filter((line) => line.startsWith('\t') || line.startsWith(' '))
      .map((line) => line.replace(/^\t/, ''))
      .join('\n')
      .trim();
    if (plan) plans.push({ durationMs: round(Number(match[1]), 3), plan });
  }
  return plans;
}

/** Used only when GET /api/admin/cases?stuck=true is not there: the union of each reason's index, first page. */
export const STUCK_SQL_FALLBACK = `
SELECT u.case_id, min(u.since) AS since FROM (
  (SELECT t.case_id, t.due_at AS since FROM tasks t WHERE t.status IN ('OPEN', 'CLAIMED') AND t.due_at < now() ORDER BY t.due_at LIMIT 100)
  UNION ALL
  (SELECT c.id, c.awaiting_applicant_since FROM cases c WHERE c.status = 'AWAITING_CORRECTION' AND c.awaiting_applicant_since < now() - interval '3 days' ORDER BY c.awaiting_applicant_since LIMIT 100)
  UNION ALL
  (SELECT c.id, c.last_progress_at FROM cases c WHERE c.status IN ('SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION') AND c.last_progress_at < now() - interval '1 day' ORDER BY c.last_progress_at LIMIT 100)
) u JOIN cases c ON c.id = u.case_id AND c.status IN ('SUBMITTED', 'IN_PROGRESS', 'AWAITING_CORRECTION')
GROUP BY u.case_id ORDER BY min(u.since), u.case_id LIMIT 20`;
