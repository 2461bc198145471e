import { performance } from 'node:perf_hooks';
import { cancelledError, isMeetApiError, type MeetApiError } from './errors';

/*
 * Why a small loop and not undici's RetryAgent/RetryHandler (checked in undici 7.30):
 * - it has no jitter (delay = minTimeout * timeoutFactor ** n, capped at maxTimeout);
 * - it caps a Retry-After at maxTimeout, i.e. it retries EARLIER than the server asked;
 * - it has no cap on the total time, so it cannot "give up with retryAfterMs" when the server
 *   asks for more time than the caller's budget has left;
 * - a 401 must refresh the token and repeat with a new Authorization header, which a
 *   dispatcher-level handler cannot do, so a loop around the call is needed anyway.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Base of the exponential backoff. */
  minDelayMs: number;
  /** Cap of one backoff delay (a server's Retry-After is honoured even when longer). */
  maxDelayMs: number;
  /** No new attempt starts later than this after the first one (delays included). */
  maxTotalMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, minDelayMs: 200, maxDelayMs: 5000, maxTotalMs: 15000 };

/** Statuses worth repeating for a call that is safe to repeat. 500 is not: it is usually a bug that repeats. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Whether a failed attempt of a call that is safe to repeat should be repeated. */
export function isWorthRetrying(error: unknown): boolean {
  // `retryable: false` wins over the status: a 503 whose body was refused (too large) is not repeated.
  if (!isMeetApiError(error) || !error.retryable) return false;
  if (error.code === 'network' || error.code === 'timeout') return true;
  return error.status !== undefined && RETRY_STATUSES.has(error.status);
}

/**
 * Exponential backoff with "equal jitter": half the exponential step fixed, half random, so
 * clients that failed together do not come back together, and no delay is shorter than half a step.
 */
export function backoffDelayMs(
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.ceil(Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface RetryOptions {
  policy: RetryPolicy;
  /** false for calls that must never be repeated (creating a Meet). */
  repeatable: boolean;
  /** Extra veto, e.g. errors of the token request, which has its own loop. */
  mayRetry?: (error: unknown) => boolean;
  signal?: AbortSignal;
  random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, fails in a way not worth repeating, or the attempt or
 * time budget is spent; then the last error is thrown. A server's Retry-After is honoured;
 * when it asks for longer than the budget has left, we give up at once (the error keeps
 * `retryAfterMs` so the caller can say "try again in N seconds").
 */
export async function runWithRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy } = options;
  const started = performance.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!options.repeatable || n >= policy.maxAttempts || !isWorthRetrying(error)) throw error;
      if (options.mayRetry && !options.mayRetry(error)) throw error;
      const retryAfterMs = (error as MeetApiError).retryAfterMs;
      const delay =
        retryAfterMs !== undefined
          ? retryAfterMs + Math.round((options.random ?? Math.random)() * policy.minDelayMs)
          : backoffDelayMs(n, policy, options.random);
      const left = policy.maxTotalMs - (performance.now() - started);
      if (delay > left) throw error;
      await sleep(delay, options.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
