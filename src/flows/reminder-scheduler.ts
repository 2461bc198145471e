import type { Clock } from '../core/clock';
import type { Logger } from '../logger';
import { type ReminderDeps, runReminderTick } from './reminders';

/** How often due reminders are looked for: a reminder goes out within this of its minute. */
export const reminderTickMs = 20_000;

/**
 * The reminders' only timer: a tick every `tickMs`, and one at start so a restart sends what came
 * due while it was down (within the catch-up window). Ticks never overlap; replicas need no
 * coordination beyond the store's per-reminder claims.
 */
export function startReminderScheduler(deps: ReminderDeps & { clock: Clock; logger: Logger; tickMs?: number }): {
  stop(): Promise<void>;
} {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = runReminderTick(deps, deps.clock())
      .then(
        (report) => {
          if (report.sent + report.skipped + report.failed > 0) deps.logger.info({ report }, 'reminder tick');
        },
        (error: unknown) => deps.logger.error({ err: error }, 'reminder tick failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, deps.tickMs ?? reminderTickMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
