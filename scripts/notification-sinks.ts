// The local ends of the notification channels, one small process for development and the tests:
// - a mail sink: a real SMTP server (smtp-server) that keeps what it receives, one copy per Message-ID
//   (as mailbox providers do: the relay's at-least-once resend after a crash shows once);
// - an SMS stub: an Aliyun-style SendSms endpoint that checks the request's signature, template code and
//   parameters like the real API, keeps one message per OutId (the relay's dedupe key);
// - a page and JSON to read both, and test controls (hold answers, fail the next sends).
// Usage: tsx scripts/notification-sinks.ts  (SINK_SMTP_PORT, SINK_HTTP_PORT, SMS_ACCESS_KEY_ID/SECRET; 0 = any free port)
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { fillTemplate, SMS_TEMPLATES } from '../libs/domain/src/notifications/notification-templates';
import { maskEmail, maskMobile } from '../libs/domain/src/privacy/masking';
import { defaultTemplateCode } from '../libs/infrastructure/src/notifications/aliyun-style-sms.provider';
import { rpcSignature } from '../libs/infrastructure/src/notifications/aliyun-signature';

interface ReceivedMail {
  messageId: string;
  dedupeKey: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
  /** How many times it was received (a resend after a crash counts, but is kept once). */
  transmissions: number;
}

interface ReceivedSms {
  bizId: string;
  outId: string;
  phoneNumber: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  text: string;
  receivedAt: string;
  transmissions: number;
}

const accessKeyId = process.env.SMS_ACCESS_KEY_ID ?? 'onetrip-local';
const accessKeySecret = process.env.SMS_ACCESS_KEY_SECRET ?? 'onetrip-local-secret';
const mails = new Map<string, ReceivedMail>();
const texts = new Map<string, ReceivedSms>();
const transmissions = { mail: 0, sms: 0 };
const seenNonces = new Set<string>();
let holding = false;
let held: (() => void)[] = [];
let failSms = 0;

const log = (message: string): void => void process.stdout.write(`${message}\n`);

function release(): void {
  const waiting = held;
  held = [];
  waiting.forEach((answer) => answer());
}

/** Holds the answer while `holding` (a test kills the sender meanwhile); what arrived is kept already. */
function answerWhenReleased(answer: () => void): void {
  if (holding) held.push(answer);
  else answer();
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        transmissions.mail += 1;
        const messageId = parsed.messageId ?? `<no-id-${randomUUID()}>`;
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const known = mails.get(messageId);
        if (known) known.transmissions += 1;
        if (!known) {
          const dedupeKey = String(parsed.headers.get('x-onetrip-dedupe-key') ?? '');
          mails.set(messageId, { messageId, dedupeKey, from: parsed.from?.text ?? '', to, subject: parsed.subject ?? '', text: parsed.text ?? '', receivedAt: new Date().toISOString(), transmissions: 1 });
          log(`mail ${messageId} to ${to.map(maskEmail).join(', ')}`);
        } else {
          log(`mail ${messageId} again: kept once`);
        }
        answerWhenReleased(() => callback());
      })
      .catch((error: Error) => callback(error));
  },
});

const TEMPLATE_BY_CODE = new Map(Object.keys(SMS_TEMPLATES).map((key) => [defaultTemplateCode(key), SMS_TEMPLATES[key]]));

/** Checks a SendSms request like the real API would; returns the refusal code, or null. */
function smsRefusal(params: Record<string, string>): { code: string; message: string } | null {
  if (params.AccessKeyId !== accessKeyId) return { code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.' };
  if (params.Signature !== rpcSignature('POST', params, accessKeySecret)) return { code: 'SignatureDoesNotMatch', message: 'Specified signature is not matched with our calculation.' };
  if (Math.abs(Date.parse(params.Timestamp) - Date.now()) > 15 * 60_000 || Number.isNaN(Date.parse(params.Timestamp))) return { code: 'InvalidTimeStamp.Expired', message: 'Specified time stamp or date value is expired.' };
  if (seenNonces.has(params.SignatureNonce)) return { code: 'SignatureNonceUsed', message: 'Specified signature nonce was used already.' };
  if (params.Action !== 'SendSms' || params.Version !== '2017-05-25') return { code: 'InvalidAction', message: 'Specified action is not valid.' };
  if (!/^1[3-9]\d{9}$/.test(params.PhoneNumbers ?? '')) return { code: 'isv.MOBILE_NUMBER_ILLEGAL', message: 'Invalid mobile number' };
  const template = TEMPLATE_BY_CODE.get(params.TemplateCode);
  if (!template) return { code: 'isv.SMS_TEMPLATE_ILLEGAL', message: 'Unknown template code' };
  let values: Record<string, string>;
  try {
    values = JSON.parse(params.TemplateParam ?? '{}') as Record<string, string>;
  } catch {
    return { code: 'isv.INVALID_JSON_PARAM', message: 'TemplateParam is not JSON' };
  }
  const missing = [...template.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]).filter((name) => typeof values[name] !== 'string');
  if (missing.length) return { code: 'isv.TEMPLATE_MISSING_PARAMETERS', message: `Missing ${missing.join(', ')}` };
  return null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

function page(): string {
  const mailRows = [...mails.values()].reverse().map((mail) => `<article><h3>${escapeHtml(mail.subject)}</h3><p>to ${escapeHtml(mail.to.join(', '))} · ${mail.receivedAt}</p><pre>${escapeHtml(mail.text)}</pre></article>`);
  const smsRows = [...texts.values()].reverse().map((sms) => `<li>${escapeHtml(sms.phoneNumber)} · ${sms.receivedAt}: 【${escapeHtml(sms.signName)}】${escapeHtml(sms.text)}</li>`);
  return `<!doctype html><html lang="zh"><meta charset="utf-8"><title>OneTrip local mail and SMS</title><body><h1>Mails (${mails.size})</h1>${mailRows.join('') || '<p>none yet</p>'}<h1>Text messages (${texts.size})</h1><ul>${smsRows.join('')}</ul></body></html>`;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://sink');
  if (request.method === 'POST' && url.pathname === '/sms') {
    const params = Object.fromEntries(new URLSearchParams(await readBody(request)));
    transmissions.sms += 1;
    if (failSms > 0) {
      failSms -= 1;
      return json(response, 503, { Code: 'ServiceUnavailable', Message: 'The request has failed due to a temporary failure of the server.', RequestId: randomUUID() });
    }
    const refusal = smsRefusal(params);
    if (refusal) return json(response, 400, { Code: refusal.code, Message: refusal.message, RequestId: randomUUID() });
    seenNonces.add(params.SignatureNonce);
    let kept = params.OutId ? texts.get(params.OutId) : undefined;
    if (!kept) {
      const values = JSON.parse(params.TemplateParam ?? '{}') as Record<string, string>;
      kept = { bizId: `${Date.now()}^${randomUUID().slice(0, 8)}`, outId: params.OutId ?? '', phoneNumber: params.PhoneNumbers, signName: params.SignName, templateCode: params.TemplateCode, params: values, text: fillTemplate(TEMPLATE_BY_CODE.get(params.TemplateCode) ?? '', values), receivedAt: new Date().toISOString(), transmissions: 1 };
      texts.set(kept.outId || kept.bizId, kept);
      log(`sms ${kept.templateCode} to ${maskMobile(kept.phoneNumber)}`);
    } else {
      kept.transmissions += 1;
      log(`sms ${kept.templateCode} again (same OutId): kept once`);
    }
    const bizId = kept.bizId;
    return answerWhenReleased(() => json(response, 200, { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: randomUUID() }));
  }
  if (request.method === 'GET' && url.pathname === '/mails') return json(response, 200, [...mails.values()]);
  if (request.method === 'GET' && url.pathname === '/sms') return json(response, 200, [...texts.values()]);
  if (request.method === 'GET' && url.pathname === '/control/state') return json(response, 200, { holding, held: held.length, transmissions, failSms });
  if (request.method === 'POST' && url.pathname === '/control') {
    const body = JSON.parse((await readBody(request)) || '{}') as { hold?: boolean; failSms?: number };
    if (typeof body.failSms === 'number') failSms = body.failSms;
    if (typeof body.hold === 'boolean') {
      holding = body.hold;
      if (!holding) release();
    }
    return json(response, 200, { holding, held: held.length, transmissions, failSms });
  }
  if (request.method === 'GET' && url.pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return void response.end(page());
  }
  json(response, 404, { Code: 'NotFound' });
}

const http = createServer((request, response) => void handle(request, response).catch((error: Error) => json(response, 500, { Code: 'InternalError', Message: error.message })));

function listen(server: { listen(port: number, host: string, done: () => void): unknown; address?(): AddressInfo | string | null }, port: number): Promise<void> {
  return new Promise((resolve) => void server.listen(port, '127.0.0.1', resolve));
}

async function main(): Promise<void> {
  await listen(smtp.server, Number(process.env.SINK_SMTP_PORT ?? 0));
  await listen(http, Number(process.env.SINK_HTTP_PORT ?? 0));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  // One line a parent process waits for: where to send and where to read.
  log(JSON.stringify({ ready: true, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, smsEndpoint: `http://127.0.0.1:${httpPort}/sms`, readUrl: `http://127.0.0.1:${httpPort}/` }));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => smtp.close(() => http.close(() => process.exit(0))));
}

void main();
