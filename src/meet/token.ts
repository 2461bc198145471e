import { cancelledError, MeetApiError } from './errors';
import type { RawResponse } from './http';
import { type CallContext, errorOfResponse, parseBody } from './response';
import { TokenResponseSchema } from './schemas';

/** A bearer token and the instant (epoch ms) it stops working. */
export interface Token {
  accessToken: string;
  expiresAtMs: number;
}

/**
 * The docs call `expires_at` a "Unix epoch" without a unit. Values below 1e11 are seconds:
 * 1e11 seconds is the year 5138, while 1e11 milliseconds is March 1973, so no real expiry is
 * ambiguous.
 */
export function expiresAtToMs(expiresAt: number): number {
  return expiresAt < 1e11 ? expiresAt * 1000 : expiresAt;
}

const CREDENTIALS_HINT =
  'The Meet API refused the API key and secret: check MEET_CLIENT_KEY and MEET_CLIENT_SECRET ' +
  '(Meet Pro > Settings > Company profile) and that MEET_API_URL points at the API they belong to.';

/** Reads the answer to `POST /v1/token`. */
export function readTokenResponse(res: RawResponse, ctx: CallContext): Token {
  if (res.status === 401 || res.status === 403) {
    const err = errorOfResponse(res, ctx);
    throw new MeetApiError('unauthorized', CREDENTIALS_HINT, {
      status: res.status,
      detail: err.detail,
      retryable: false,
    });
  }
  if (res.status < 200 || res.status >= 300) throw errorOfResponse(res, ctx);
  const body = parseBody(res, TokenResponseSchema, ctx);
  return { accessToken: body.access_token, expiresAtMs: expiresAtToMs(body.expires_at) };
}

export interface TokenCache {
  /**
   * A token valid for at least the margin; concurrent callers share one in-flight request. A
   * caller whose `signal` aborts stops waiting (a `timeout` MeetApiError, not retryable); the
   * request goes on for the others, and its token is cached when it comes.
   */
  get(signal?: AbortSignal): Promise<string>;
  /** The cached token if it is still good, without waiting; undefined otherwise. */
  peek(): string | undefined;
  /** Forgets `token` if it is still the cached one (after a 401), so the next `get` fetches anew. */
  invalidate(token: string): void;
}

/**
 * Caches the token until `expiresAt - margin`. The margin is at most half the token's lifetime,
 * so a short-lived token (a test sandbox, a strict tenant) is still reused instead of being
 * fetched before every call.
 */
export function createTokenCache(deps: {
  fetchToken: () => Promise<Token>;
  now: () => number;
  marginMs: number;
}): TokenCache {
  let current: { token: string; refreshAtMs: number } | undefined;
  let inFlight: Promise<string> | undefined;

  function refresh(): Promise<string> {
    const fetchedAt = deps.now();
    const pending = deps
      .fetchToken()
      .then((t) => {
        const margin = Math.min(deps.marginMs, Math.max(0, (t.expiresAtMs - fetchedAt) / 2));
        current = { token: t.accessToken, refreshAtMs: t.expiresAtMs - margin };
        return t.accessToken;
      })
      .finally(() => {
        if (inFlight === pending) inFlight = undefined;
      });
    inFlight = pending;
    return pending;
  }

  const peek = () => (current && deps.now() < current.refreshAtMs ? current.token : undefined);

  return {
    peek,
    get(signal) {
      const token = peek();
      if (token !== undefined) return Promise.resolve(token);
      if (signal?.aborted) return Promise.reject(cancelledError());
      const pending = inFlight ?? refresh();
      return signal ? waitUnlessAborted(pending, signal) : pending;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
    },
  };
}

/** `pending`, or a cancellation as soon as `signal` aborts; `pending` itself is left running. */
function waitUnlessAborted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    // Both outcomes are handled here, so a request nobody waits for any more never rejects unheard.
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
