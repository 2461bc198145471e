import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type { Logger } from '../logger';
import { recordMeetApiCall } from '../metrics/meet-api-metrics';
import { metrics } from '../metrics/metrics';
import { processSecrets } from '../secrets/scrubber';
import { cancelledError, isMeetApiError } from './errors';
import { type HttpMethod, send } from './http';
import { type CallContext, errorOfResponse, parseBody } from './response';
import { type RetryPolicy, runWithRetry } from './retry';
import { createTokenCache, readTokenResponse } from './token';

export interface CallerDeps {
  dispatcher: Dispatcher;
  baseUrl: string;
  clientKey: string;
  clientSecret: string;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  policy: RetryPolicy;
  tokenMarginMs: number;
  /** Largest response body read, unless a call says otherwise. */
  maxBodyBytes: number;
  logger: Logger;
  now: () => number;
}

export interface CallSpec<S extends z.ZodType> {
  method: HttpMethod;
  /** Without the query; what the log shows. */
  path: string;
  /** The path with its variable parts named (`/v1/usage/{tenant}`): what the metrics show, never a tenant or an id. */
  route: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Schema of a 2xx body; an empty 2xx body gives `undefined`. */
  schema?: S;
  /** Safe to send twice (GET, PUT, DELETE). POSTs are never repeated, except once after a 401. */
  repeatable: boolean;
  /** Literal values of this request to blank in what the API says back (passcodes); only called on failure. */
  secrets?: () => readonly string[];
  /** A 404 on a repeated attempt means an earlier attempt already did it (DELETE). */
  notFoundOnRepeatIsDone?: boolean;
  /** Largest response body read; default the client's `maxBodyBytes`. */
  maxBodyBytes?: number;
}

/** Sends calls with a cached token, the 401-refresh-once rule, retries for repeatable calls, and one log line per failure. */
export function createCaller(deps: CallerDeps) {
  // Recent tokens, blanked from anything the API says back; a few are kept across refreshes.
  const recentTokens: string[] = [];
  const fixedSecrets = [deps.clientSecret, deps.clientKey];
  const tokenErrors = new WeakSet<object>();
  // The headers of the current token, built once per token (undici copies them, never mutates them).
  let cachedHeaders: { token: string; plain: Record<string, string>; json: Record<string, string> } | undefined;

  function headersFor(token: string, hasBody: boolean): Record<string, string> {
    if (cachedHeaders?.token !== token) {
      const plain = { authorization: `bearer ${token}`, accept: 'application/json' };
      cachedHeaders = { token, plain, json: { ...plain, 'content-type': 'application/json' } };
    }
    return hasBody ? cachedHeaders.json : cachedHeaders.plain;
  }

  function exchange(
    method: HttpMethod,
    path: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
    signal?: AbortSignal,
    maxBodyBytes = deps.maxBodyBytes,
  ) {
    return send({
      dispatcher: deps.dispatcher,
      url,
      method,
      path,
      headers,
      body,
      signal,
      headersTimeoutMs: deps.headersTimeoutMs,
      bodyTimeoutMs: deps.bodyTimeoutMs,
      maxBodyBytes,
    });
  }

  async function fetchToken() {
    const path = '/v1/token';
    const body = JSON.stringify({
      grant_type: 'client_credentials',
      client_key: deps.clientKey,
      client_secret: deps.clientSecret,
    });
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    const tokenContext: CallContext = { method: 'POST', path, secrets: () => fixedSecrets, now: deps.now };
    const started = performance.now();
    let attempts = 0;
    try {
      // Asking for a token creates nothing we keep, so it is safe to repeat.
      const token = await runWithRetry(
        async () => {
          attempts++;
          const res = await exchange('POST', path, deps.baseUrl + path, headers, body);
          return readTokenResponse(res, tokenContext);
        },
        { policy: deps.policy, repeatable: true },
      );
      recentTokens.unshift(token.accessToken);
      processSecrets.add(token.accessToken, 'token');
      metrics.tokenRefreshes.inc({ outcome: 'ok' });
      recentTokens.length = Math.min(recentTokens.length, 3);
      return token;
    } catch (error) {
      metrics.tokenRefreshes.inc({ outcome: 'failed' });
      logFailure('POST', path, error, attempts, started);
      throw error;
    }
  }

  const tokens = createTokenCache({ fetchToken, now: deps.now, marginMs: deps.tokenMarginMs });

  // A failed token request is logged once by fetchToken and already had its own retries.
  function getToken(signal?: AbortSignal): Promise<string> {
    return tokens.get(signal).catch((error: unknown) => {
      if (typeof error === 'object' && error !== null) tokenErrors.add(error);
      throw error;
    });
  }

  function logFailure(method: string, path: string, error: unknown, attempts: number, started: number) {
    const code = isMeetApiError(error) ? error.code : 'internal';
    const fields = {
      method,
      path,
      status: isMeetApiError(error) ? error.status : undefined,
      code,
      attempts,
      durationMs: Math.round(performance.now() - started),
    };
    const quiet = code === 'not_found' || code === 'invalid_request';
    if (quiet) deps.logger.debug(fields, 'Meet API call failed');
    else deps.logger.warn(fields, 'Meet API call failed');
  }

  async function call<S extends z.ZodType>(spec: CallSpec<S>, signal?: AbortSignal): Promise<z.output<S> | undefined> {
    const started = performance.now();
    let sends = 0;
    let refreshed = false;
    const url = deps.baseUrl + spec.path + queryString(spec.query);
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const ctx: CallContext = {
      method: spec.method,
      path: spec.path,
      secrets: () => [...fixedSecrets, ...recentTokens, ...(spec.secrets?.() ?? [])],
      now: deps.now,
    };
    let lastStatus: number | undefined;
    const sendWith = (token: string) => {
      sends++;
      return exchange(
        spec.method,
        spec.path,
        url,
        headersFor(token, payload !== undefined),
        payload,
        signal,
        spec.maxBodyBytes,
      );
    };
    const attempt = async (n: number) => {
      // The cached token is read synchronously: no promise on the common path.
      let token = tokens.peek() ?? (await getToken(signal));
      let res = await sendWith(token);
      // A 401 means the server refused before acting, so even a create may be sent again, once.
      if (res.status === 401 && !refreshed) {
        refreshed = true;
        tokens.invalidate(token);
        token = await getToken(signal);
        res = await sendWith(token);
      }
      lastStatus = res.status;
      if (res.status === 404 && n > 1 && spec.notFoundOnRepeatIsDone) return undefined;
      if (res.status < 200 || res.status >= 300) throw errorOfResponse(res, ctx);
      if (!spec.schema || !NON_BLANK.test(res.text)) return undefined;
      return parseBody(res, spec.schema, ctx);
    };
    try {
      if (signal?.aborted) throw cancelledError();
      // A call that is never repeated (a create) makes one attempt: no retry loop around it.
      const result = spec.repeatable
        ? await runWithRetry(attempt, {
            policy: deps.policy,
            repeatable: true,
            mayRetry: (e) => !tokenErrors.has(e as object),
            signal,
          })
        : await attempt(1);
      recordMeetApiCall(spec.method, spec.route, { status: lastStatus }, (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      recordMeetApiCall(spec.method, spec.route, { error }, (performance.now() - started) / 1000);
      logFailure(spec.method, spec.path, error, sends, started);
      throw error;
    }
  }

  /** Obtains (or reuses) a token; an aborted `signal` ends the wait, not the shared token request. */
  async function checkToken(signal?: AbortSignal): Promise<void> {
    await getToken(signal);
  }

  return { call, checkToken, logFailure };
}

/** Anything but whitespace: an answer with a body (found at its first character, without copying it as trim() does). */
const NON_BLANK = /\S/;

function queryString(query?: Record<string, string | undefined>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
