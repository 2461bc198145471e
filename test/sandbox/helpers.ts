import type { Sandbox } from '../../src/sandbox/server';

export interface CallResult {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A plain fetch, JSON in and out; no Meet client. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `bearer ${options.token}`;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return { status: response.status, headers: response.headers, body };
}

export async function getToken(sandbox: Sandbox, key = 'sandbox-key', secret = 'sandbox-secret'): Promise<string> {
  const result = await call(sandbox, 'POST', '/v1/token', {
    body: { grant_type: 'client_credentials', client_key: key, client_secret: secret },
  });
  if (result.status !== 200) throw new Error(`token: ${result.status}`);
  return (result.body as { access_token: string }).access_token;
}

/** The `detail` of a ProblemDetails body. */
export function detailOf(result: CallResult): string {
  return String((result.body as { detail?: unknown }).detail);
}
