import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Client as PgClient } from 'pg';
import { treeCpuSeconds } from './proc';
import { temporalVersion } from './stack';

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  temporal: string;
  postgres: string;
  loadAverageAtStart: number[];
}

export async function describeMachine(db: PgClient): Promise<Machine> {
  const postgres = ((await db.query('SELECT version()')).rows[0] as { version: string }).version;
  let nproc = os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // os.cpus() then
  }
  return {
    nproc,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    temporal: temporalVersion(),
    postgres: postgres.split(' on ')[0],
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** Busy CPU seconds of the whole machine so far (/proc/stat: all but idle and iowait). */
function machineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** A stretch of the run: its wall time, the CPU of the bench and everything it started, and everyone else's. */
export interface SectionLoad {
  seconds: number;
  /** The bench and its children (servers, apps, the peer's JVM): what the stretch would cost on an idle machine. */
  ownCpuSeconds?: number;
  otherCpuSeconds: number;
  otherCores: number;
}

/**
 * CPU seconds that processes other than the bench and its children used meanwhile: other work on
 * the machine that would have skewed the figures.
 */
export class OtherLoadMeter {
  private machine = 0;
  private ours = 0;
  private began = 0;

  start(): void {
    this.machine = machineBusySeconds();
    this.ours = treeCpuSeconds(process.pid);
    this.began = Date.now();
  }

  stop(): SectionLoad {
    const own = treeCpuSeconds(process.pid) - this.ours;
    const other = machineBusySeconds() - this.machine - own;
    const seconds = (Date.now() - this.began) / 1000;
    return {
      seconds: Math.round(seconds),
      ownCpuSeconds: Math.round(own * 10) / 10,
      otherCpuSeconds: Math.round(Math.max(0, other) * 10) / 10,
      otherCores: Math.round((Math.max(0, other) / seconds) * 100) / 100,
    };
  }
}
