import { performance } from 'node:perf_hooks';
import { newReferenceId } from './core/reference-id';
import type { Logger } from './logger';
import type { MeetApi } from './meet/meet-api';
import type { CheckState, ReadyReport } from './server';
import type { Store } from './store/store';

export interface ReadinessDeps {
  store: Pick<Store, 'ping'>;
  meet: Pick<MeetApi, 'checkToken'>;
  logger: Logger;
  /** How long `/readyz` waits for its checks; one still running then counts as failed. Default 5 s. */
  budgetMs?: number;
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * The checks behind `GET /readyz`: the database answers and a Meet API token can be had. `/readyz`
 * is public, so its answer says only which check failed; why (a database error, the Meet API's own
 * words) goes to one log line with a reference id. The answer comes within the budget even when a
 * check hangs: the check is no longer waited for (a token request keeps going for its other waiters).
 */
export function createReadinessCheck(deps: ReadinessDeps): () => Promise<ReadyReport> {
  const budgetMs = deps.budgetMs ?? 5_000;
  return async () => {
    const started = performance.now();
    const signal = AbortSignal.timeout(budgetMs);
    const [store, meetApi] = await Promise.all([
      withinBudget(() => deps.store.ping(), signal),
      withinBudget(() => deps.meet.checkToken({ signal }), signal),
    ]);
    const outcomes: Record<string, Outcome> = { store, meetApi };
    const checks: Record<string, CheckState> = {};
    const failed: Record<string, Record<string, unknown>> = {};
    for (const [name, outcome] of Object.entries(outcomes)) {
      checks[name] = outcome.ok ? 'ok' : 'unavailable';
      if (!outcome.ok) failed[name] = describe(outcome.error, budgetMs, signal);
    }
    const ok = Object.keys(failed).length === 0;
    if (!ok) {
      deps.logger.warn(
        { referenceId: newReferenceId(), checks: failed, durationMs: Math.round(performance.now() - started) },
        `not ready: ${Object.keys(failed).join(' and ')} unavailable`,
      );
    }
    return { ok, checks };
  };
}

/** Runs `check`; a throw, a rejection or the budget running out first is a failure. */
function withinBudget(check: () => Promise<unknown>, signal: AbortSignal): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    const onAbort = () => resolve({ ok: false, error: signal.reason });
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (outcome: Outcome) => {
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    // `check()` inside the then: a check that throws before returning its promise is a failure too.
    Promise.resolve()
      .then(check)
      .then(
        () => settle({ ok: true }),
        (error: unknown) => settle({ ok: false, error }),
      );
  });
}

/** What the log says about a failed check: the error's message, code, status and detail (free of secrets). */
function describe(error: unknown, budgetMs: number, signal: AbortSignal): Record<string, unknown> {
  if (error === signal.reason) return { error: `no answer within the readiness budget of ${budgetMs} ms` };
  if (!(error instanceof Error)) return { error: String(error) };
  const { code, status, detail } = error as Error & { code?: unknown; status?: unknown; detail?: unknown };
  return { error: error.message, code, status, detail };
}
