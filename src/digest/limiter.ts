/**
 * A tiny p-limit: at most `concurrency` tasks run at once, the rest wait in order.
 * (p-limit itself is ESM-only, which this CommonJS build cannot require.)
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    // A woken task inherits the finished task's slot, so `active` is not incremented again.
    try {
      return await task();
    } finally {
      if (waiting.length > 0) waiting.shift()?.();
      else active -= 1;
    }
  };
}
