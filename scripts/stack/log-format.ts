const COLOURS: Record<string, string> = { api: '36', worker: '35', temporal: '33', postgres: '34', onetrip: '32' };
const LEVEL_WIDTH = 5;

/** Turns one pino JSON line into `[api] 10:02:03 INFO  message {extra}`; other lines pass as they are. */
export function formatLine(source: string, line: string, colour = process.stdout.isTTY): string {
  const prefix = colour ? `\x1b[${COLOURS[source] ?? '37'}m[${source}]\x1b[0m` : `[${source}]`;
  if (!line.startsWith('{')) return `${prefix} ${line}`;
  try {
    const { time, level, msg, service: _service, name: _name, pid: _pid, hostname: _host, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const clock = typeof time === 'string' ? time.slice(11, 19) : '';
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${prefix} ${clock} ${String(level ?? '').toUpperCase().padEnd(LEVEL_WIDTH)} ${String(msg ?? '')}${extra}`;
  } catch {
    return `${prefix} ${line}`;
  }
}
