import { performance } from 'node:perf_hooks';

/** Timing helpers shared by the CPU-bound benchmarks (the runner skips `lib-*` files). */

/** Calls `fn` for about `ms` milliseconds; returns calls per second. */
export function opsPerSecond(fn: () => unknown, ms: number): number {
  let count = 0;
  let sink: unknown;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) sink = fn();
    count += 200;
    elapsed = performance.now() - started;
  }
  // Using the last result keeps the optimiser from dropping the calls.
  if (sink === undefined) throw new Error('nothing computed');
  return (count * 1000) / elapsed;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
