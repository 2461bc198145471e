import type { Logger } from '../logger';

/**
 * Work that outlives the request that started it: what Slack's ack leaves running (a create, its
 * replies), a Teams result delivered after the invoke was answered, store writes retried after a
 * Meet was delivered. Shutdown drains it before the store closes, so nothing acknowledged is cut
 * off half-way; what is still running after the grace period is named in the log.
 */
export interface InFlight {
  /** Runs until `work` settles; a rejection is the caller's to handle (it is returned as is). */
  track<T>(what: string, work: Promise<T>): Promise<T>;
  /** How much is running now. */
  size(): number;
  /**
   * Waits until everything tracked (and anything it tracks in turn) settled, or `graceMs` passed.
   * Returns what was still running then.
   */
  drain(graceMs: number): Promise<string[]>;
}

export function createInFlight(logger: Logger): InFlight {
  const running = new Map<Promise<unknown>, string>();
  let idle: Array<() => void> = [];

  const settle = (work: Promise<unknown>) => {
    running.delete(work);
    if (running.size === 0) {
      const waiting = idle;
      idle = [];
      for (const wake of waiting) wake();
    }
  };

  return {
    track(what, work) {
      running.set(work, what);
      work.then(
        () => settle(work),
        () => settle(work),
      );
      return work;
    },
    size: () => running.size,
    async drain(graceMs) {
      if (running.size === 0) return [];
      let timer: NodeJS.Timeout | undefined;
      const done = new Promise<void>((resolve) => idle.push(resolve));
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([done, late]);
      clearTimeout(timer);
      const cut = [...running.values()];
      if (cut.length > 0)
        logger.warn({ cut, graceMs }, 'shutdown: work still running after the grace period was cut off');
      return cut;
    },
  };
}
