/**
 * Values held for a fixed time after they were last added, and at most so many: the oldest go
 * first. Every operation is O(1) amortized, whatever the number held.
 *
 * Why not a Map iterated from its start to find the oldest (the first version): V8 leaves a
 * deleted entry of a Map as a hole until the table is rebuilt, and an iterator skips the holes
 * one by one, so once full, each eviction walked thousands of them: about half of the 12 µs it
 * took to register a passcode at 10,000 held, once per Meet created, the largest part of the Meet
 * client's cost over bare HTTP then (`npm run bench -- meet-client`).
 */

export interface ExpiringSet {
  /** Adds `value`, or renews it (it becomes the newest); true when it was not held. */
  add(value: string, at: number): boolean;
  /** Drops the oldest values while there are more than `max` or they expired at `at`, calling `dropped` with each. */
  evict(at: number, dropped: (value: string) => void): void;
  size(): number;
}

export function createExpiringSet(max: number, ttlMs: number): ExpiringSet {
  // value → serial of its latest add.
  const latest = new Map<string, number>();
  // The adds in their order (so in the order they expire: the time to live is fixed), from `head`
  // on, in three parallel arrays (no object per add); renewing a value leaves its older add behind,
  // stale: its serial is no longer the value's latest.
  let values: string[] = [];
  let expiries: number[] = [];
  let serials: number[] = [];
  let head = 0;
  let serial = 0;

  // A value renewed at every request (a workspace's bot token) leaves a stale add each time:
  // rebuilt once they outnumber the live ones, the arrays stay within twice what is held.
  function compact() {
    const keep: number[] = [];
    for (let i = head; i < values.length; i++) if (latest.get(values[i]) === serials[i]) keep.push(i);
    values = keep.map((i) => values[i]);
    expiries = keep.map((i) => expiries[i]);
    serials = keep.map((i) => serials[i]);
    head = 0;
  }

  return {
    add(value, at) {
      const known = latest.has(value);
      serial += 1;
      latest.set(value, serial);
      values.push(value);
      expiries.push(at + ttlMs);
      serials.push(serial);
      if (values.length - head > 2 * latest.size + 64) compact();
      return !known;
    },

    evict(at, dropped) {
      while (head < values.length) {
        // The adds behind expire later: nothing to drop while within the limit (no lookup needed to know).
        if (latest.size <= max && expiries[head] > at) break;
        const value = values[head];
        if (latest.get(value) === serials[head]) {
          latest.delete(value);
          dropped(value);
        }
        head += 1;
      }
      if (head > 1024 && head * 2 > values.length) compact();
    },

    size: () => latest.size,
  };
}
