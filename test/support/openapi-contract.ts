import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// The served OpenAPI document as a checker: the schema of each route's response for each status, in
// ajv, so a test can say "this answer is what the document promises". Shared by the fuzz and the contract specs.

export type Schema = Record<string, unknown>;
export interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string; required?: boolean; example?: unknown; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
/** The query a call needs at least: each required query parameter at its documented example. */
export function requiredQuery(operation: Operation): Record<string, string> {
  const required = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query' && parameter.required);
  return Object.fromEntries(required.map((parameter) => [parameter.name, String(parameter.example ?? parameter.schema?.example ?? '')]));
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface ContractChecker {
  ajv: Ajv;
  /** The documented schema of a route's response with this status; null when the status is not documented with one. */
  responseValidator(path: string, method: string, status: number): ValidateFunction | null;
  /** Problems of one answer against the document ([] when it matches). */
  problems(path: string, method: string, status: number, text: string): string[];
}

export function contractChecker(doc: OpenApiDocument): ContractChecker {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as unknown as Schema, 'openapi');
  const validators = new Map<string, ValidateFunction | null>();
  const responseValidator = (path: string, method: string, status: number): ValidateFunction | null => {
    const key = `${method} ${path} ${status}`;
    if (!validators.has(key)) {
      const schema = doc.paths[path][method].responses[String(status)]?.content?.['application/json']?.schema;
      const pointer = ['paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema'].map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
      validators.set(key, schema ? ajv.compile({ $ref: `openapi#/${pointer}` }) : null);
    }
    return validators.get(key) ?? null;
  };
  const problems = (path: string, method: string, status: number, text: string): string[] => {
    const validate = responseValidator(path, method, status);
    if (!validate) return [`${method.toUpperCase()} ${path} → ${status}: status not documented with a schema`];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${method.toUpperCase()} ${path} → ${status}: not JSON: ${text.slice(0, 100)}`];
    }
    return validate(body) ? [] : [`${method.toUpperCase()} ${path} → ${status}: ${JSON.stringify(validate.errors).slice(0, 600)}`];
  };
  return { ajv, responseValidator, problems };
}
