import type { Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { BenchOptions } from './options';
import { peakRssMiB } from './proc';
import type { BenchStack, Proc } from './stack';

export interface BenchContext {
  stack: BenchStack;
  options: BenchOptions;
  /** The bench's own connection to PostgreSQL (completion polling, seeding, plans). */
  db: PgClient;
  log: (message: string) => void;
  /** The processes running now, by role, for CPU and memory readings. */
  procs: { api?: Proc & { url: string }; worker?: Proc; skeletonWorker?: Proc };
  /** The Temporal server the apps use now (the dev server, or the full server on PostgreSQL). */
  temporal: { address: string; client: Client; pid: number; name?: string };
  /** Peak RSS (VmHWM, MiB) of each process, read before it is stopped. */
  peaks: Record<string, number>;
}

/** Notes the peak RSS of the running processes (call before stopping one). */
export function recordPeaks(ctx: BenchContext): void {
  for (const proc of [ctx.procs.api, ctx.procs.worker, ctx.procs.skeletonWorker]) {
    const peak = proc ? peakRssMiB(proc.pid) : undefined;
    if (proc && peak !== undefined) ctx.peaks[proc.name] = Math.round(peak * 10) / 10;
  }
  const temporal = peakRssMiB(ctx.temporal.pid);
  if (temporal !== undefined) ctx.peaks[ctx.temporal.name ?? 'temporal'] = Math.round(temporal * 10) / 10;
}
