import { request } from 'undici';

/** One HTTP answer of a probe: the status, the headers doctor reads, and the JSON body (if it was JSON). */
export interface ProbeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json?: Record<string, unknown>;
}

/**
 * POSTs a form and reads the answer, within `timeoutMs` for the whole exchange (connect, headers,
 * body), so doctor never hangs on an address that swallows packets. Network failures reject;
 * any HTTP status resolves.
 */
export async function postForm(
  url: string,
  form: Record<string, string>,
  options: { timeoutMs: number; headers?: Record<string, string> },
): Promise<ProbeResponse> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(options.timeoutMs),
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: parseObject(text) };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    // Not JSON (an HTML error page of a proxy, a wrong URL): the caller reports the status instead.
    return undefined;
  }
}

/** `5 s`, or `300 ms` for the short deadlines of tests. */
export function formatTimeout(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

const tlsCodes = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/;

/**
 * Why a request did not get an answer, in words an operator can act on; never the request itself
 * (which may carry a secret), only the error's code.
 */
export function describeNetworkFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string; name?: string } } | undefined;
  const code = e?.code ?? e?.cause?.code ?? '';
  const name = e?.name ?? '';
  if (name === 'TimeoutError' || name === 'AbortError' || /TIMEOUT|ABORTED/.test(code)) {
    return `no answer within ${formatTimeout(timeoutMs)}`;
  }
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found (DNS)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'the connection was closed';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'no route to the host (network or firewall)';
  if (tlsCodes.test(code)) {
    return `TLS certificate problem (${code}): a proxy that inspects TLS needs its CA in NODE_EXTRA_CA_CERTS`;
  }
  return code ? `network error (${code})` : 'network error';
}
