import { type Dispatcher, request } from 'undici';
import { cancelledError, isMeetApiError, MeetApiError, scrubSecrets } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SendOptions {
  dispatcher: Dispatcher;
  url: string;
  method: HttpMethod;
  /** The path without its query, for messages. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** A larger body is refused (`invalid_response`) without being read. */
  maxBodyBytes: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A Content-Length as HTTP allows it (the parser has already refused any other). */
const DIGITS = /^\d+$/;

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** One HTTP exchange, body read in full up to `maxBodyBytes`. Transport failures become `timeout` or `network` MeetApiErrors. */
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
    const text = await readText(res, options);
    return { status: res.statusCode, headers: res.headers, text };
  } catch (error) {
    throw isMeetApiError(error) ? error : transportError(error, options.signal);
  }
}

/**
 * The body as UTF-8 text (a BOM skipped, as undici's `text()` does), refused as soon as it passes
 * the limit: a Content-Length over it fails before reading, and a body that grows past it (chunked,
 * or longer than it said) fails at the chunk that crosses it. Destroying the stream aborts the
 * request and closes its connection, so the rest is never read or buffered.
 */
function readText(res: Dispatcher.ResponseData, options: SendOptions): Promise<string> {
  const limit = options.maxBodyBytes;
  const body = res.body;
  const declared = headerValue(res.headers, 'content-length');
  if (declared !== undefined && Number(declared) > limit) {
    const error = tooLarge(options, res.statusCode, limit);
    // The stream emits this same error, already returned below; unheard, it would be thrown.
    body.on('error', () => undefined).destroy(error);
    return Promise.reject(error);
  }
  // With a Content-Length the parser reads exactly that many bytes, within the limit here: undici's
  // own consumer reads them, as it does for anyone (no stream events). The capped reader below is
  // for bodies of unknown length (chunked), which must be cut off as they grow.
  if (declared !== undefined && DIGITS.test(declared)) return body.text();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) body.destroy(tooLarge(options, res.statusCode, limit));
        else chunks.push(chunk);
      })
      .on('end', () => {
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
        const bom = all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf;
        resolve(all.toString('utf8', bom ? 3 : 0));
      })
      .on('error', reject);
  });
}

function tooLarge(options: SendOptions, status: number, limit: number): MeetApiError {
  return new MeetApiError(
    'invalid_response',
    `Meet API ${options.method} ${options.path} answered ${status} with a body over the client's limit of ${formatBytes(limit)}; it was not read`,
    { status, retryable: false },
  );
}

/** `1 MB`, `16 MB`, `512 KB` or `1500 bytes`: how the limit is named in messages (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
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
