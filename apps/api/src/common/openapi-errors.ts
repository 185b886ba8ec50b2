import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, ERROR_STATUS } from './app-error';
import { OPENAPI_ANY_SIGNED_IN, OPENAPI_PUBLIC } from './public.decorator';

// Every error the API sends has one shape (the global filter and the HTTP defences write it). This adds
// that shape to the OpenAPI document for the statuses each operation can answer, so clients — and the
// fuzz test that validates every response against the document — know what to expect.

export const ERROR_RESPONSE_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string', description: 'The general kind, e.g. VALIDATION_FAILED, CONFLICT, NOT_FOUND, RATE_LIMITED' },
    code: { type: 'string', enum: ERROR_CODES, description: 'Which error exactly: stable, for clients to branch on (each operation lists the codes of each status)' },
    message: { type: 'string' },
    fields: {
      type: 'array',
      description: 'For 400: every failing field path with its messages',
      items: {
        type: 'object',
        required: ['path', 'messages'],
        additionalProperties: false,
        properties: {
          path: { type: 'string' },
          messages: { type: 'array', items: { type: 'string' } },
          codes: { type: 'array', items: { type: 'string' }, description: "One per message: the rule's code (e.g. NAME_TAKEN) or the validator's name (e.g. maxLength)" },
        },
      },
    },
    details: { type: 'object', description: 'For 503 from /health: the state of each dependency' },
    problems: {
      type: 'array',
      description: 'For PROCESS_DEFINITION_INVALID: every rule the uploaded definition breaks, at its JSON path ($.steps[2].dependsOn[0])',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        additionalProperties: false,
        properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

const DEFAULT_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id',
  '401': 'No bearer token, or an invalid or expired one',
  '403': 'Signed in, but this role may not call it (or the origin may not, for a CORS preflight)',
  '404': 'No such thing, or not yours to see',
  '413': 'The body is larger than HTTP_BODY_LIMIT_KB',
  '503': 'PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds',
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

type Operation = { responses: Record<string, { description?: string; content?: unknown }>; [extension: string]: unknown };

/** Adds the shared ErrorResponse schema and documents each operation's error statuses with it. */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorResponse: ERROR_RESPONSE_SCHEMA as never } };
  // Each status with the codes it can carry, so a client knows every case it has to handle.
  const content = (status: string) => {
    const codes = ERROR_CODES.filter((code) => String(ERROR_STATUS[code]) === status);
    const schema = codes.length
      ? { allOf: [{ $ref: '#/components/schemas/ErrorResponse' }, { type: 'object', properties: { code: { type: 'string', enum: codes } } }] }
      : { $ref: '#/components/schemas/ErrorResponse' };
    return { 'application/json': { schema } };
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation | undefined;
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const statuses = ['400'];
      if (operation[OPENAPI_PUBLIC] !== true) statuses.push('401');
      // A route without @Roles (marked AnySignedIn) refuses no signed-in role.
      if (operation[OPENAPI_PUBLIC] !== true && operation[OPENAPI_ANY_SIGNED_IN] !== true) statuses.push('403');
      if (path.includes('{')) statuses.push('404');
      if (WRITE_METHODS.has(method)) statuses.push('413');
      statuses.push('503');
      for (const status of statuses) operation.responses[status] ??= { description: DEFAULT_DESCRIPTIONS[status] };
      // Statuses a controller declared itself (409, 429, …) get the shape too, unless they document another one.
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[45]\d\d$/.test(status) && response.content === undefined) response.content = content(status);
      }
    }
  }
  return document;
}
