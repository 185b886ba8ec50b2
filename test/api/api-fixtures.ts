import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import type { ApplicationForm, Department } from '@onetrip/domain';
import { hashPassword } from '../../apps/api/src/auth/password-hasher';
import { waitFor } from '../../scripts/stack/wait-for';
import { sampleForm } from '../support/case-fixtures';
import { http, type HttpResult } from '../support/http';

// HTTP-level helpers for the API's integration tests: users, tokens and valid forms, each test with its own.

export const DEMO_PASSWORD = 'onetrip-demo';
/** The password of every clerk newClerk() makes. */
export const CLERK_PASSWORD = 'clerk-pass-123';

export interface ErrorBody {
  statusCode: number;
  error: string;
  /** The stable code (TASK_NOT_OPEN, ALREADY_CLAIMED, …): what a client branches on. */
  code: string;
  message: string;
  fields?: { path: string; messages: string[] }[];
}

export interface CaseView {
  id: string;
  status: string;
  submittedAt: string;
  completedAt?: string;
  steps: { department: Department; status: string; round?: number; dueAt?: string; overdue: boolean; completedAt?: string; outputs?: Record<string, unknown> }[];
  correction?: { round: number; items: { department: Department; field: string; reason: string }[] };
  outcome?: Record<string, unknown>;
  fees: { items: { code: string; description: string; amount: string; payer: string }[]; applicantTotal: string; borneByOthers: string };
  endReason?: string;
  flags?: { path: string; code: string; message: string }[];
  form?: ApplicationForm;
}

export interface SignedIn {
  id: string;
  username: string;
  token: string;
}

export const fieldPaths = (result: HttpResult<unknown>): string[] => ((result.body as ErrorBody).fields ?? []).map((field) => field.path);

export async function signIn(username: string, password = DEMO_PASSWORD, baseUrl?: string): Promise<SignedIn> {
  const result = await http<{ accessToken: string; user: { id: string } }>('POST', '/auth/token', { body: { username, password }, baseUrl });
  if (result.status !== 200) throw new Error(`sign-in of ${username} answered ${result.status}: ${JSON.stringify(result.body)}`);
  return { id: result.body.user.id, username, token: result.body.accessToken };
}

/** A freshly registered applicant, signed in. */
export async function newApplicant(baseUrl?: string): Promise<SignedIn> {
  const username = `app-${randomUUID().slice(0, 18)}`;
  const password = 'applicant-pass-1';
  const registered = await http('POST', '/auth/register', { body: { username, password, name: '王五', mobile: '13912345678' }, baseUrl });
  if (registered.status !== 202) throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  return signIn(username, password, baseUrl);
}

/** A clerk of `department` made for one test (the demo users are one per department). */
export async function newClerk(db: PgClient, department: Department): Promise<SignedIn> {
  const username = `clerk-${department.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const password = CLERK_PASSWORD;
  await db.query(`INSERT INTO users (id, username, password_hash, name, role, department) VALUES ($1, $2, $3, 'Clerk', 'CLERK', $4)`, [
    randomUUID(),
    username,
    await hashPassword(password, { N: 1024, r: 8, p: 1 }),
    department,
  ]);
  return signIn(username, password);
}

/** A valid form with an enterprise name no other test uses. */
export function validForm(change: (form: ApplicationForm) => void = () => undefined): ApplicationForm {
  return sampleForm(change);
}

export async function fileCase(token: string, form: ApplicationForm = validForm(), headers: Record<string, string> = {}): Promise<CaseView> {
  const result = await http<CaseView>('POST', '/applications', { token, body: form, headers });
  if (result.status !== 201) throw new Error(`filing answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function casesOf(db: PgClient, applicantId: string): Promise<number> {
  const result = await db.query(`SELECT count(*)::int AS n FROM cases WHERE applicant_id = $1`, [applicantId]);
  return (result.rows[0] as { n: number }).n;
}

/** The open (or claimed) task of a department on a case, once the workflow has opened it. */
export async function openTaskId(db: PgClient, caseId: string, department: Department, timeoutMs = 20_000): Promise<string> {
  return waitFor(
    `${department} task of ${caseId}`,
    async () => {
      const result = await db.query(`SELECT id FROM tasks WHERE case_id = $1 AND department = $2 AND status IN ('OPEN', 'CLAIMED') ORDER BY round DESC LIMIT 1`, [
        caseId,
        department,
      ]);
      return (result.rows[0] as { id: string } | undefined)?.id;
    },
    { timeoutMs },
  );
}

/** Polls the case view until `ready` holds. */
export async function waitForView(token: string, caseId: string, what: string, ready: (view: CaseView) => boolean, timeoutMs = 20_000): Promise<CaseView> {
  return waitFor(
    what,
    async () => {
      const result = await http<CaseView>('GET', `/applications/${caseId}`, { token });
      return result.status === 200 && ready(result.body) ? result.body : undefined;
    },
    { timeoutMs },
  );
}
