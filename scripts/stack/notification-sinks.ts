import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './app-process';
import { stopChild } from './temporal-dev-server';
import { waitFor } from './wait-for';

/** The local mail sink and SMS stub (scripts/notification-sinks.ts), running. */
export interface RunningSinks {
  smtpUrl: string;
  smsEndpoint: string;
  /** The page to read mails and text messages; JSON under mails, sms, control/state. */
  readUrl: string;
  /** The relay's settings that point it at these sinks. */
  relayEnv: Record<string, string>;
  stop(): Promise<void>;
}

const SMS_KEY = { SMS_ACCESS_KEY_ID: 'onetrip-local', SMS_ACCESS_KEY_SECRET: 'onetrip-local-secret' };

/** Where sinks on these ports listen, and the relay's settings for them (known before they start). */
export function sinkSettings(smtpPort: number, httpPort: number): Omit<RunningSinks, 'stop'> {
  const where = { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, smsEndpoint: `http://127.0.0.1:${httpPort}/sms`, readUrl: `http://127.0.0.1:${httpPort}/` };
  return { ...where, relayEnv: { SMTP_URL: where.smtpUrl, SMS_PROVIDER: 'aliyun', SMS_ENDPOINT: where.smsEndpoint, ...SMS_KEY } };
}

/** Starts the sinks process (free ports unless given) and waits for its ready line. */
export async function startNotificationSinks(options: { smtpPort?: number; httpPort?: number; log: (line: string) => void }): Promise<RunningSinks> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/notification-sinks.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...SMS_KEY, SINK_SMTP_PORT: String(options.smtpPort ?? 0), SINK_HTTP_PORT: String(options.httpPort ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let ready: { smtpUrl: string; smsEndpoint: string; readUrl: string } | undefined;
  let buffered = '';
  const onData = (chunk: Buffer): void => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      if (line.startsWith('{"ready":true')) ready = JSON.parse(line) as typeof ready;
      options.log(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  await waitFor(
    'the notification sinks to listen',
    async () => {
      if (child.exitCode !== null) throw new Error(`notification sinks exited with ${child.exitCode}`);
      return Promise.resolve(ready !== undefined);
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  );
  const url = (text: string): URL => new URL(text);
  return { ...sinkSettings(Number(url(ready!.smtpUrl).port), Number(url(ready!.readUrl).port)), stop: () => stopChild(child, 5_000) };
}
