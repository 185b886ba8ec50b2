import * as fs from 'node:fs';

// Linux /proc readers: CPU seconds of a process tree, resident and peak memory.

const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux x86-64

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in seconds (cutime/cstime: children that exited and were reaped). */
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = (index: number): number => Number(fields[index - 3]);
    return { pid, ppid: Number(fields[1]), cpuSeconds: (ticks(14) + ticks(15) + ticks(16) + ticks(17)) / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => !!stat);
}

/** The pid and every live descendant. */
export function processTree(rootPid: number): number[] {
  const stats = allStats();
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    if (!stats.some((stat) => stat.pid === pid)) continue;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * CPU seconds used so far by a process and all its descendants, live or exited-and-reaped
 * (PostgreSQL's backends are children of the postmaster).
 */
export function treeCpuSeconds(rootPid: number): number {
  return processTree(rootPid)
    .map((pid) => readStat(pid)?.cpuSeconds ?? 0)
    .reduce((sum, value) => sum + value, 0);
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resident set size now, in MiB. */
export const rssMiB = (pid: number): number | undefined => statusField(pid, 'VmRSS');
/** Peak resident set size since the process started, in MiB. */
export const peakRssMiB = (pid: number): number | undefined => statusField(pid, 'VmHWM');

/** Several named process trees measured together: CPU seconds between `start()` and `stop()`. */
export class CpuMeter {
  private before = new Map<string, number>();

  constructor(private readonly trees: () => Record<string, number | undefined>) {}

  start(): void {
    this.before = new Map(Object.entries(this.trees()).map(([name, pid]) => [name, pid ? treeCpuSeconds(pid) : 0]));
  }

  stop(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.trees()).map(([name, pid]) => [name, (pid ? treeCpuSeconds(pid) : 0) - (this.before.get(name) ?? 0)]));
  }
}
