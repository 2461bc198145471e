import type { Logger } from '../logger';
import type { AuditEntry, Store } from '../store/store';
import type { InFlight } from './in-flight';

/**
 * What the store keeps of a created Meet: the idempotency key's outcome and the audit row. Both come
 * after the Meet was delivered, and neither may turn into an error that hides it: a first attempt
 * right away, then retries in the background (tracked, so a shutdown waits for them), and a log
 * line if they still fail. The key stays claimed either way, so a redelivery never creates twice.
 */

export interface PersistOptions {
  /** Waits before each retry; the number of entries is the number of retries. */
  retryDelaysMs: number[];
}

export const defaultPersistOptions: PersistOptions = { retryDelaysMs: [500, 2_000, 5_000] };

export interface MeetRecord {
  key?: string;
  outcome: { code: string; joinUrl: string };
  audit: AuditEntry;
}

export async function persistAfterDelivery(
  deps: { store: Store; logger: Logger; inFlight: InFlight; options?: Partial<PersistOptions> },
  record: MeetRecord,
): Promise<void> {
  const delays = deps.options?.retryDelaysMs ?? defaultPersistOptions.retryDelaysMs;
  const pending = { complete: record.key !== undefined, audit: true };

  const attempt = async (): Promise<unknown> => {
    let failure: unknown;
    if (pending.complete && record.key) {
      await deps.store.completeIdempotency(record.key, record.outcome).then(
        () => {
          pending.complete = false;
        },
        (error: unknown) => {
          failure = error;
        },
      );
    }
    if (pending.audit) {
      await deps.store.recordMeet(record.audit).then(
        () => {
          pending.audit = false;
        },
        (error: unknown) => {
          failure = error;
        },
      );
    }
    return failure;
  };

  const first = await attempt();
  if (first === undefined) return;
  const meetCode = record.outcome.code;
  deps.logger.warn(
    { err: first, meetCode, retries: delays.length },
    'store: could not record a delivered Meet yet; retrying',
  );
  const retries = (async () => {
    let last: unknown = first;
    for (const delay of delays) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      last = await attempt();
      if (last === undefined) {
        deps.logger.info({ meetCode }, 'store: the delivered Meet is recorded');
        return;
      }
    }
    deps.logger.error(
      { err: last, meetCode, missing: Object.keys(pending).filter((k) => pending[k as keyof typeof pending]) },
      'store: a delivered Meet could not be recorded (no audit row; its key expires by itself)',
    );
  })();
  void deps.inFlight.track(`recording Meet ${meetCode}`, retries);
}
