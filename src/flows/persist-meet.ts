import type { Logger } from '../logger';
import type { NewScheduledMeet } from '../store/schedule-records';
import type { AuditEntry, Store } from '../store/store';
import type { NewWatchedMeet } from '../store/watch-records';
import type { InFlight } from './in-flight';

/**
 * What the store keeps of a created Meet: the idempotency key's outcome, the audit row, (when
 * the watcher is on) the watch and (for a Meet for later) its schedule and reminder. They come
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
  /** Set when the watcher follows the Meet. */
  watch?: NewWatchedMeet;
  /** Set for a Meet for later: its time, reminder and message. */
  schedule?: NewScheduledMeet;
}

export async function persistAfterDelivery(
  deps: { store: Store; logger: Logger; inFlight: InFlight; options?: Partial<PersistOptions> },
  record: MeetRecord,
): Promise<void> {
  const delays = deps.options?.retryDelaysMs ?? defaultPersistOptions.retryDelaysMs;
  // What is still to be recorded, by name (a step leaves once it succeeded).
  const steps = new Map<string, () => Promise<void>>();
  const { key, watch } = record;
  if (key !== undefined) steps.set('key', () => deps.store.completeIdempotency(key, record.outcome));
  steps.set('audit', () => deps.store.recordMeet(record.audit));
  if (watch !== undefined) steps.set('watch', () => deps.store.watchMeet(watch));
  const { schedule } = record;
  if (schedule !== undefined) steps.set('schedule', () => deps.store.scheduleMeet(schedule));

  /** Runs what is still to do; resolves to the last failure, or undefined when all is recorded. */
  const attempt = async (): Promise<unknown> => {
    let failure: unknown;
    for (const [name, step] of steps) {
      try {
        await step();
        steps.delete(name);
      } catch (error) {
        failure = error;
      }
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
      { err: last, meetCode, missing: [...steps.keys()] },
      'store: a delivered Meet could not be recorded (no audit row; its key expires by itself)',
    );
  })();
  void deps.inFlight.track(`recording Meet ${meetCode}`, retries);
}
