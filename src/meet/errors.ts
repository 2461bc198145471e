/**
 * The one error family of the Meet API client. core/ (which may import this file and schemas.ts,
 * never the client) and the adapters rely on this shape, so keep it small, stable and pure.
 */
export type MeetApiErrorCode =
  | 'unauthorized'
  | 'bad_request'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'network'
  | 'invalid_response'
  | 'invalid_request';

export interface MeetApiErrorInit {
  status?: number;
  retryAfterMs?: number;
  retryable?: boolean;
  detail?: string;
  cause?: unknown;
}

/** A failed Meet API call. Messages, `detail` and `cause` never carry secrets, tokens or passcodes. */
export class MeetApiError extends Error {
  override name = 'MeetApiError' as const;
  readonly code: MeetApiErrorCode;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** true when the same call may succeed later (429, 5xx, timeout, network) */
  readonly retryable: boolean;
  /** the API's own detail, cleaned of secrets */
  readonly detail?: string;

  constructor(code: MeetApiErrorCode, message: string, init: MeetApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.detail !== undefined) this.detail = init.detail;
    this.retryable = init.retryable ?? isRetryableCode(code, init.status);
  }
}

/** Duck-typed, so an error that crossed a module or realm boundary still counts. */
export function isMeetApiError(e: unknown): e is MeetApiError {
  return (
    e instanceof MeetApiError ||
    (typeof e === 'object' &&
      e !== null &&
      (e as { name?: unknown }).name === 'MeetApiError' &&
      typeof (e as { code?: unknown }).code === 'string')
  );
}

/** The error of a call its caller cancelled (through `CallOptions.signal`). */
export function cancelledError(): MeetApiError {
  return new MeetApiError('timeout', 'the Meet API call was cancelled by its caller before it finished', {
    retryable: false,
  });
}

function isRetryableCode(code: MeetApiErrorCode, status?: number): boolean {
  if (code === 'rate_limited' || code === 'timeout' || code === 'network') return true;
  return code === 'server_error' && (status === undefined || status >= 500);
}

/** The code of an HTTP error status. */
export function codeOfStatus(status: number): MeetApiErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}

// Linear: after `eyJ` and 5 characters every part is optional, so a match never backtracks into a run.
const JWT = /\beyJ[\w-]{5,}(?:\.[\w-]*){0,2}/g;
const BEARER = /\b(bearer|basic)\s+[\w.~+/=-]+/gi;
// `name: value`, `name=value`, `"name":"value"` for names that hold secrets.
const NAMED =
  /\b(passcode|password|secret|client_secret|token|access_token|condition)(["']?\s*[:=]\s*["']?)([^\s"',;}&]+)/gi;
const MAX_DETAIL = 500;

/**
 * Removes anything that looks like a token, a passcode or a secret from text that came from the
 * API (its error detail can echo a request) or from the network stack. `known` are literal
 * values to blank wherever they appear (the client secret, tokens, this request's passcodes);
 * values shorter than 3 characters are left, as blanking them would shred ordinary words.
 */
export function scrubSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const value of known) {
    if (value.length >= 3) out = out.split(value).join('[redacted]');
  }
  out = out.replace(JWT, '[redacted]').replace(BEARER, '$1 [redacted]').replace(NAMED, '$1$2[redacted]');
  return out.length > MAX_DETAIL ? `${out.slice(0, MAX_DETAIL)}…` : out;
}
