/**
 * Values held for a fixed time after they were last added, and at most so many: the oldest go
 * first. Every operation is O(1) amortized, whatever the number held.
 *
 * Why not a Map iterated from its start to find the oldest (the first version): V8 leaves a
 * deleted entry of a Map as a hole until the table is rebuilt, and an iterator skips the holes
 * one by one, so once full, each eviction walked thousands of them: 6 µs per passcode registered
 * at 10,000 held, half of the Meet client's cost over bare HTTP (`npm run bench -- meet-client`).
 */

export interface ExpiringSet {
  /** Adds `value`, or renews it (it becomes the newest); true when it was not held. */
  add(value: string, at: number): boolean;
  /** Drops the oldest values while there are more than `max` or they expired at `at`, calling `dropped` with each. */
  evict(at: number, dropped: (value: string) => void): void;
  size(): number;
}

interface Entry {
  value: string;
  expires: number;
  /** Which add of the value this is: an entry whose value was added again since is stale. */
  serial: number;
}

export function createExpiringSet(max: number, ttlMs: number): ExpiringSet {
  // value → serial of its latest add.
  const latest = new Map<string, number>();
  // Entries in the order they were added (so in the order they expire: the time to live is fixed),
  // from `head` on; renewing a value leaves its older entry behind, stale.
  let queue: Entry[] = [];
  let head = 0;
  let serial = 0;

  function isLive(entry: Entry): boolean {
    return latest.get(entry.value) === entry.serial;
  }

  // A value renewed at every request (a workspace's bot token) leaves a stale entry each time:
  // rebuilt once they outnumber the live ones, the queue stays within twice what is held.
  function compact() {
    queue = queue.slice(head).filter(isLive);
    head = 0;
  }

  return {
    add(value, at) {
      const known = latest.has(value);
      serial += 1;
      latest.set(value, serial);
      queue.push({ value, expires: at + ttlMs, serial });
      if (queue.length - head > 2 * latest.size + 64) compact();
      return !known;
    },

    evict(at, dropped) {
      while (head < queue.length) {
        const entry = queue[head];
        // The entries behind expire later: nothing to drop while within the limit (no lookup needed to know).
        if (latest.size <= max && entry.expires > at) break;
        if (isLive(entry)) {
          latest.delete(entry.value);
          dropped(entry.value);
        }
        head += 1;
      }
      if (head > 1024 && head * 2 > queue.length) compact();
    },

    size: () => latest.size,
  };
}
