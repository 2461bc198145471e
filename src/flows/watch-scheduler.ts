import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger';
import { metrics } from '../metrics/metrics';
import { runWatchTick, type WatchDeps } from './watch-meets';

/**
 * The watcher's only timer: a tick every `pollMs` (MEET_STATUS_POLL_SECONDS), and one at start so
 * a restart picks up where the store left off. Ticks never overlap; replicas need no coordination
 * beyond the store's per-tenant tick claims.
 */
export function startWatchScheduler(deps: Omit<WatchDeps, 'backoff'> & { logger: Logger }): { stop(): Promise<void> } {
  const backoff: NonNullable<WatchDeps['backoff']> = new Map();
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    const started = performance.now();
    running = runWatchTick({ ...deps, backoff }, deps.clock())
      .then(
        (report) => {
          metrics.watcherTicks.inc({ outcome: 'ok' });
          // How long a tick takes is what says when MEET_STATUS_POLL_SECONDS is too short.
          const ms = Math.round(performance.now() - started);
          if (report.updated + report.feedbackSent + report.failures > 0)
            deps.logger.info({ report, ms }, 'watcher tick');
        },
        (error: unknown) => {
          metrics.watcherTicks.inc({ outcome: 'failed' });
          deps.logger.error({ err: error }, 'watcher tick failed');
        },
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, deps.pollMs);
  timer.unref();
  tick();
  deps.logger.info({ pollSeconds: deps.pollMs / 1000 }, 'watcher started');
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
