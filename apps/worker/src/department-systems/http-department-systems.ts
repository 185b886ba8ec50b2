import { maskPersonalData } from '@onetrip/domain';
import { CONNECTOR_HEADERS, signRequest } from '@onetrip/infrastructure';
import { POSTAL_SYSTEM, type DepartmentSystemAnswer, type DepartmentSystemDecision, type DepartmentSystemRequest, type DepartmentSystems, type PostalShipmentAnswer, type PostalShipmentRequest } from '@onetrip/workflows';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `fetch` failed, in a few words (the cause's code, e.g. ECONNREFUSED). */
function transportError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The departments' own systems over HTTP (docs/connectors.md): `POST <base>/tasks`, signed with the department's
 * secret, the task id as Idempotency-Key, a timeout. Every failure is an Error the activity retries with backoff; its
 * message is what the stuck list shows (never the request's personal data: only the status and a masked excerpt).
 */
export class HttpDepartmentSystems implements DepartmentSystems {
  constructor(
    private readonly systems: ReadonlyMap<string, URL>,
    private readonly secrets: ReadonlyMap<string, Buffer>,
    private readonly timeoutSeconds: number,
  ) {}

  get postal(): boolean {
    return this.systems.has(POSTAL_SYSTEM) && this.secrets.has(POSTAL_SYSTEM);
  }

  /** `POST <postal base>/shipments`, signed as POSTAL, the shipment id (the case) as Idempotency-Key. */
  async ship(request: PostalShipmentRequest): Promise<PostalShipmentAnswer> {
    const parsed = await this.post(POSTAL_SYSTEM, 'shipments', request.shipmentId, JSON.stringify(request));
    if (parsed.status !== 200) throw new Error(`${POSTAL_SYSTEM} system answered HTTP ${parsed.status}${parsed.text ? `: ${maskPersonalData(parsed.text.slice(0, 120))}` : ''}`);
    const body = parsed.json;
    if (!isRecord(body) || typeof body.trackingNumber !== 'string') throw new Error(`${POSTAL_SYSTEM} system answered 200 without a tracking number`);
    return { trackingNumber: body.trackingNumber };
  }

  /** A signed POST to `<base>/<route>` of `system`; transport failures and timeouts throw (the activity retries). */
  private async post(system: string, route: string, idempotencyKey: string, body: string): Promise<{ status: number; text: string; json: unknown }> {
    const base = this.systems.get(system);
    const secret = this.secrets.get(system);
    if (!base) throw new Error(`${system} system: no URL configured (DEPARTMENT_SYSTEMS)`);
    if (!secret) throw new Error(`${system} system: no secret configured (DEPARTMENT_SYSTEM_SECRETS)`);
    const url = new URL(`${base.pathname.replace(/\/$/, '')}/${route}`, base);
    const headers = { 'content-type': 'application/json', [CONNECTOR_HEADERS.idempotencyKey]: idempotencyKey, ...signRequest(system, secret, { method: 'POST', path: url.pathname + url.search, body }) };
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutSeconds * 1000) });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) throw new Error(`${system} system did not answer within ${this.timeoutSeconds} s`);
      throw new Error(`${system} system unreachable (${transportError(error)})`);
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }

  async submit(request: DepartmentSystemRequest): Promise<DepartmentSystemAnswer> {
    const { department } = request;
    const base = this.systems.get(department);
    const secret = this.secrets.get(department);
    if (!base) throw new Error(`${department} system: no URL configured (DEPARTMENT_SYSTEMS)`);
    if (!secret) throw new Error(`${department} system: no secret configured (DEPARTMENT_SYSTEM_SECRETS)`);
    const url = new URL(`${base.pathname.replace(/\/$/, '')}/tasks`, base);
    const body = JSON.stringify(request);
    const headers = {
      'content-type': 'application/json',
      [CONNECTOR_HEADERS.idempotencyKey]: request.taskId,
      ...signRequest(department, secret, { method: 'POST', path: url.pathname + url.search, body }),
    };
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutSeconds * 1000) });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new Error(`${department} system did not answer within ${this.timeoutSeconds} s`);
      }
      throw new Error(`${department} system unreachable (${transportError(error)})`);
    }
    const text = await response.text().catch(() => '');
    if (response.status === 202) return { status: 'ACCEPTED' };
    if (response.status !== 200) throw new Error(`${department} system answered HTTP ${response.status}${text ? `: ${maskPersonalData(text.slice(0, 120))}` : ''}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${department} system answered 200 without a JSON decision`);
    }
    if (!isRecord(parsed) || typeof parsed.decision !== 'string') throw new Error(`${department} system answered 200 without a decision`);
    const decision = parsed as unknown as DepartmentSystemDecision;
    return { status: 'DECIDED', decision: decision.decision, outputs: decision.outputs, items: decision.items, reason: decision.reason };
  }
}
