import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { CONNECTOR_HEADERS, MemoryNonceRegistry, signRequest, verifyRequest } from '../../libs/infrastructure/src/connectors/department-signature';
import { s10Number } from '../../libs/domain/src/delivery/delivery';
import type { DepartmentSystemDecision, DepartmentSystemRequest, PostalShipmentRequest } from '../../libs/workflows/src/contracts/department-system.contract';

// A department's own system, simulated (docs/connectors.md): it takes OneTrip's signed task requests for any
// department it has a secret for, and answers at once (200 + decision) or accepts (202) and calls back, signed,
// with the faults a test or a demonstration asks for. Its control routes (/_sim/…) are for tests and demos only.

/** What a department's system does with the next tasks it receives. */
export interface DepartmentScript {
  answer: 'immediate' | 'callback';
  decision: DepartmentSystemDecision;
  /** Milliseconds before the callback is sent. */
  callbackDelayMs: number;
  faults: {
    /** Wait this long before answering a task request (longer than the worker's timeout: it times out). */
    slowMs?: number;
    /** How many task requests are slow (then it answers at once again); -1 or absent: every one. */
    slowRequests?: number;
    /** Answer this many task requests with 500 (then work again); -1: every one. */
    fail500?: number;
    /** Accept with 202 and never call back. */
    noCallback?: boolean;
    /** Send the callback twice (each freshly signed, as a department retrying would). */
    duplicateCallback?: boolean;
    /** Sign callbacks with a wrong secret. */
    wrongSignature?: boolean;
  };
}

export interface ReceivedTask {
  department: string;
  taskId: string;
  idempotencyKey: string | undefined;
  request: DepartmentSystemRequest;
  /** How the simulator answered: 200, 202, 500, or 0 when it answered nothing (slow, then the worker gave up). */
  answered: number;
  at: string;
}

/** A shipment the postal system took (POST /shipments), with the item number it issued. */
export interface ReceivedShipment {
  caseId: string;
  idempotencyKey: string | undefined;
  licenseNumber: string;
  trackingNumber: string;
  /** How many times it was asked for (a retry with the same key gets the same number). */
  requests: number;
  at: string;
}

export interface SentCallback {
  department: string;
  taskId: string;
  decision: string;
  status: number;
  body: unknown;
  at: string;
}

const DEFAULT_SCRIPT: DepartmentScript = { answer: 'immediate', decision: { decision: 'COMPLETE', outputs: {} }, callbackDelayMs: 200, faults: {} };

export interface SimulatorOptions {
  port: number;
  host?: string;
  /** OneTrip's API base, e.g. http://127.0.0.1:3000/api (callbacks go to `<api>/connectors/<department>/callbacks`). */
  apiUrl: string;
  secrets: ReadonlyMap<string, Buffer>;
  /** The script of departments nobody scripted ('immediate' unless the launcher says otherwise). */
  defaultScript?: Partial<DepartmentScript>;
  log?: (line: string) => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** The simulator: an HTTP server and what it has seen. */
export class DepartmentSimulator {
  private readonly scripts = new Map<string, DepartmentScript>();
  private readonly failuresLeft = new Map<string, number>();
  private readonly slowLeft = new Map<string, number>();
  /** The first answer to each task (idempotency: the same task again gets the same answer, no second callback). */
  private readonly answers = new Map<string, { status: number; decision?: DepartmentSystemDecision }>();
  readonly received: ReceivedTask[] = [];
  readonly callbacks: SentCallback[] = [];
  /** The postal system's shipments by Idempotency-Key: one item number per key. */
  readonly shipments = new Map<string, ReceivedShipment>();
  // Item serials: from a random start, so two simulator runs issue different numbers.
  private nextSerial = 10_000_000 + Math.floor(Math.random() * 80_000_000);
  private shipmentFailuresLeft = 0;
  private readonly nonces = new MemoryNonceRegistry();
  private server?: Server;

  constructor(private readonly options: SimulatorOptions) {}

  private log(line: string): void {
    this.options.log?.(line);
  }

  script(department: string): DepartmentScript {
    return this.scripts.get(department) ?? { ...DEFAULT_SCRIPT, ...this.options.defaultScript };
  }

  setScript(department: string, script: Partial<DepartmentScript>): DepartmentScript {
    const full: DepartmentScript = { ...DEFAULT_SCRIPT, ...this.options.defaultScript, ...script, faults: { ...script.faults } };
    this.scripts.set(department, full);
    this.failuresLeft.set(department, full.faults.fail500 ?? 0);
    this.slowLeft.set(department, full.faults.slowMs ? (full.faults.slowRequests ?? -1) : 0);
    return full;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.log(`error: ${error instanceof Error ? error.message : String(error)}`);
        send(res, 500, { error: 'simulator error' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host ?? '127.0.0.1', resolve);
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const body = await readBody(req);
    if (url.pathname.startsWith('/_sim/')) return this.control(req.method ?? 'GET', url, body, res);
    if (req.method === 'POST' && url.pathname.endsWith('/tasks')) return this.task(req, url, body, res);
    if (req.method === 'POST' && url.pathname.endsWith('/shipments')) return this.shipment(req, url, body, res);
    send(res, 404, { error: 'not found' });
  }

  /** OneTrip sends a task: check its signature, then answer as the department's script says. */
  private async task(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): Promise<void> {
    const department = String(req.headers[CONNECTOR_HEADERS.department] ?? '');
    const secret = this.options.secrets.get(department);
    const check = secret ? verifyRequest(secret, { method: 'POST', path: url.pathname + url.search, body, headers: req.headers }) : null;
    if (!check?.ok) return send(res, 401, { error: check ? check.problem : 'UNKNOWN_DEPARTMENT' });
    if (!(await this.nonces.remember(department, check.nonce, new Date()))) return send(res, 401, { error: 'REPLAYED' });
    const request = JSON.parse(body.toString('utf8')) as DepartmentSystemRequest;
    const entry: ReceivedTask = { department, taskId: request.taskId, idempotencyKey: req.headers[CONNECTOR_HEADERS.idempotencyKey] as string | undefined, request, answered: 0, at: new Date().toISOString() };
    this.received.push(entry);
    const script = this.script(department);
    this.log(`${department} task ${request.taskId} received (${script.answer})`);
    const slow = this.slowLeft.get(department) ?? 0;
    if (slow !== 0) {
      this.slowLeft.set(department, slow > 0 ? slow - 1 : slow);
      await new Promise((resolve) => setTimeout(resolve, script.faults.slowMs));
    }
    const left = this.failuresLeft.get(department) ?? 0;
    if (left !== 0) {
      this.failuresLeft.set(department, left > 0 ? left - 1 : left);
      entry.answered = 500;
      return send(res, 500, { error: 'simulated outage' });
    }
    // Idempotency-Key: the task again (a retry whose answer was lost) gets the first answer, and no second callback.
    const first = this.answers.get(request.taskId);
    if (first) {
      entry.answered = first.status;
      return send(res, first.status, first.decision);
    }
    if (script.answer === 'immediate') {
      this.answers.set(request.taskId, { status: 200, decision: script.decision });
      entry.answered = 200;
      return send(res, 200, script.decision);
    }
    this.answers.set(request.taskId, { status: 202 });
    entry.answered = 202;
    send(res, 202, { accepted: true });
    if (script.faults.noCallback) return;
    setTimeout(() => {
      void (async () => {
        await this.callback(department, request.taskId, script.decision, script.faults.wrongSignature === true);
        if (script.faults.duplicateCallback) await this.callback(department, request.taskId, script.decision, script.faults.wrongSignature === true);
      })();
    }, script.callbackDelayMs);
  }

  /**
   * The postal service's system (政务专递): takes a signed shipment and answers the item number it issues, S10 with
   * its check digit (EA········CN). The same Idempotency-Key again is the same shipment, with the same number.
   */
  private async shipment(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): Promise<void> {
    const system = String(req.headers[CONNECTOR_HEADERS.department] ?? '');
    const secret = this.options.secrets.get(system);
    const check = secret ? verifyRequest(secret, { method: 'POST', path: url.pathname + url.search, body, headers: req.headers }) : null;
    if (!check?.ok) return send(res, 401, { error: check ? check.problem : 'UNKNOWN_SYSTEM' });
    if (!(await this.nonces.remember(system, check.nonce, new Date()))) return send(res, 401, { error: 'REPLAYED' });
    const request = JSON.parse(body.toString('utf8')) as PostalShipmentRequest;
    const key = (req.headers[CONNECTOR_HEADERS.idempotencyKey] as string | undefined) ?? request.shipmentId;
    if (this.shipmentFailuresLeft !== 0) {
      this.shipmentFailuresLeft -= this.shipmentFailuresLeft > 0 ? 1 : 0;
      return send(res, 503, { error: 'simulated outage' });
    }
    let kept = this.shipments.get(key);
    if (kept) kept.requests += 1;
    else {
      kept = { caseId: request.caseId, idempotencyKey: key, licenseNumber: request.licenseNumber, trackingNumber: s10Number('EA', String(this.nextSerial++)), requests: 1, at: new Date().toISOString() };
      this.shipments.set(key, kept);
    }
    this.log(`${system} shipment for case ${request.caseId}: ${kept.trackingNumber} (request ${kept.requests})`);
    return send(res, 200, { trackingNumber: kept.trackingNumber });
  }

  /** Calls OneTrip back with a decision, signed (or wrongly signed); retried on 5xx or no answer, a few times. */
  async callback(department: string, taskId: string, decision: DepartmentSystemDecision, wrongSignature = false): Promise<SentCallback> {
    const base = new URL(this.options.apiUrl.replace(/\/$/, '') + `/connectors/${encodeURIComponent(department)}/callbacks`);
    const body = JSON.stringify({ taskId, ...decision });
    const secret = wrongSignature ? randomBytes(32) : this.options.secrets.get(department);
    if (!secret) throw new Error(`no secret for ${department}`);
    let sent: SentCallback | undefined;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const headers = { 'content-type': 'application/json', ...signRequest(department, secret, { method: 'POST', path: base.pathname, body }) };
      try {
        const response = await fetch(base, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
        const text = await response.text();
        sent = { department, taskId, decision: decision.decision, status: response.status, body: text ? (JSON.parse(text) as unknown) : null, at: new Date().toISOString() };
        if (response.status < 500) break;
      } catch (error) {
        sent = { department, taskId, decision: decision.decision, status: 0, body: error instanceof Error ? error.message : String(error), at: new Date().toISOString() };
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
    }
    this.callbacks.push(sent!);
    this.log(`${department} callback for ${taskId}: ${sent!.status}`);
    return sent!;
  }

  /** Test and demo controls: script a department, read what arrived, call back by hand. */
  private async control(method: string, url: URL, body: Buffer, res: ServerResponse): Promise<void> {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const json = (): Record<string, unknown> => (body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {});
    // PUT /_sim/departments/:code  {answer, decision, callbackDelayMs, faults}
    if (method === 'PUT' && parts[1] === 'departments' && parts[2]) return send(res, 200, this.setScript(parts[2], json() as Partial<DepartmentScript>));
    // GET /_sim/received?taskId=…  and  GET /_sim/callbacks?taskId=…
    if (method === 'GET' && (parts[1] === 'received' || parts[1] === 'callbacks')) {
      const taskId = url.searchParams.get('taskId');
      const list: { taskId: string }[] = parts[1] === 'received' ? this.received : this.callbacks;
      return send(res, 200, taskId ? list.filter((entry) => entry.taskId === taskId) : list);
    }
    // GET /_sim/shipments?caseId=…  and  PUT /_sim/shipments {fail503: n}: the postal system's record, and an outage
    if (method === 'GET' && parts[1] === 'shipments') {
      const caseId = url.searchParams.get('caseId');
      return send(res, 200, [...this.shipments.values()].filter((shipment) => !caseId || shipment.caseId === caseId));
    }
    if (method === 'PUT' && parts[1] === 'shipments') {
      this.shipmentFailuresLeft = Number((json() as { fail503?: number }).fail503 ?? 0);
      return send(res, 200, { fail503: this.shipmentFailuresLeft });
    }
    // POST /_sim/tasks/:taskId/callback  {department, decision…, wrongSignature}: a callback now, e.g. after "no callback"
    if (method === 'POST' && parts[1] === 'tasks' && parts[2] && parts[3] === 'callback') {
      const { department, wrongSignature, ...decision } = json() as { department?: string; wrongSignature?: boolean } & Partial<DepartmentSystemDecision>;
      const received = this.received.find((entry) => entry.taskId === parts[2]);
      const code = department ?? received?.department;
      if (!code) return send(res, 404, { error: 'unknown task' });
      const chosen = decision.decision ? (decision as DepartmentSystemDecision) : this.script(code).decision;
      return send(res, 200, await this.callback(code, parts[2], chosen, wrongSignature === true));
    }
    send(res, 404, { error: 'not found' });
  }
}
