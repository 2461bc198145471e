import { type Dispatcher, request } from 'undici';
import { cancelledError, MeetApiError, scrubSecrets } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SendOptions {
  dispatcher: Dispatcher;
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** One HTTP exchange, body read in full. Transport failures become `timeout` or `network` MeetApiErrors. */
export async function send(options: SendOptions): Promise<RawResponse> {
  try {
    const res = await request(options.url, {
      dispatcher: options.dispatcher,
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal: options.signal,
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text };
  } catch (error) {
    throw transportError(error, options.signal);
  }
}

/**
 * The undici error is not kept as `cause` as is: a plain copy of its name, code and (scrubbed)
 * message is enough to debug and cannot drag request options or headers into a log line.
 */
function transportError(error: unknown, signal?: AbortSignal): MeetApiError {
  if (signal?.aborted) return cancelledError();
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  const message = error instanceof Error ? scrubSecrets(error.message) : 'unknown error';
  const cause = Object.assign(new Error(message), { name: error instanceof Error ? error.name : 'Error', code });
  if (code && TIMEOUT_CODES.has(code)) {
    const phase =
      code === 'UND_ERR_CONNECT_TIMEOUT' ? 'connect' : code === 'UND_ERR_HEADERS_TIMEOUT' ? 'headers' : 'body';
    return new MeetApiError('timeout', `the Meet API did not answer in time (${phase} timeout)`, { cause });
  }
  return new MeetApiError('network', `could not reach the Meet API (${code ?? message})`, { cause });
}

/** The first value of a header. */
export function headerValue(headers: RawResponse['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
