import { testStack } from './test-stack';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client over fetch, against the API the test stack started (or `baseUrl`). */
export async function http<T = unknown>(
  method: string,
  route: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${options.baseUrl ?? testStack().apiUrl}${route}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: (type.includes('json') && text ? JSON.parse(text) : text) as T, headers: response.headers };
}
