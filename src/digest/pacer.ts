/**
 * Per-key pacing for platform rate limits: Slack allows about one message per second per
 * channel, Teams a few per second per conversation, and both answer 429 with Retry-After.
 * `reserve` hands out the earliest slot at which every given key is free; `hold` pushes a key
 * back (a workspace or the whole bot after a 429). Timers come from the caller (`sleep`), so
 * tests and benchmarks can run with zero pacing.
 */
export interface Pacer {
  /** Waits until every key is free, then books `intervalMs` on the first key. */
  wait(keys: string[], intervalMs: number): Promise<void>;
  /** Nothing on these keys before `ms` from now. */
  hold(key: string, ms: number): void;
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPacer(options: { now?: () => number; sleep?: Sleep } = {}): Pacer {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? realSleep;
  const freeAt = new Map<string, number>();

  return {
    async wait(keys, intervalMs) {
      for (;;) {
        const t = now();
        const slot = Math.max(t, ...keys.map((k) => freeAt.get(k) ?? 0));
        if (slot <= t) {
          if (intervalMs > 0 && keys[0] !== undefined) freeAt.set(keys[0], t + intervalMs);
          return;
        }
        await sleep(slot - t);
      }
    },
    hold(key, ms) {
      freeAt.set(key, Math.max(freeAt.get(key) ?? 0, now() + ms));
    },
  };
}
