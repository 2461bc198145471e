import { Cron } from 'croner';
import type { Clock } from '../core/clock';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import type { DigestPosters } from './deliver';
import { runDueDigests } from './run-due';
import type { DigestRunDeps } from './run-report';

export type { DigestPosters } from './deliver';
export { previewDigest } from './preview';
export { runDueDigests } from './run-due';
export type { DigestRunReport } from './run-report';

/**
 * The only timer of digests: a croner job at second 0 of every minute that sends what is due.
 * One tick at start catches up digests missed while the process was down (within a day).
 * Ticks never overlap (`protect`); replicas need no coordination beyond the store's claims.
 */
export interface DigestSchedulerDeps {
  store: Store;
  meet: MeetApi;
  posters: DigestPosters;
  clock: Clock;
  logger: Logger;
  options?: DigestRunDeps['options'];
}

export function startDigestScheduler(deps: DigestSchedulerDeps): { stop(): Promise<void> } {
  const settled = new Set<string>();
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = (): Promise<void> => {
    // A tick still sending when the next minute starts covers that minute too: `at` only
    // decides which due instant is the latest, and the next tick sees anything newer.
    if (stopped || running) return running ?? Promise.resolve();
    // Forget old settled runs now and then; the store still knows them.
    if (settled.size > 100_000) settled.clear();
    running = runDueDigests({ ...deps, settled }, deps.clock())
      .then(
        () => undefined,
        (error: unknown) => deps.logger.error({ err: error }, 'digest scheduler tick failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const job = new Cron('0 * * * * *', { protect: true, unref: true }, () => tick());
  void tick();
  deps.logger.info({ next: job.nextRun()?.toISOString() }, 'digest scheduler started');

  return {
    async stop() {
      stopped = true;
      job.stop();
      await running;
    },
  };
}
