import { createExpiringSet } from '../../src/secrets/expiring-set';

/** What the scrubber keeps of its tokens and passcodes: the newest `max`, each for `ttlMs` after it was last added. */

function evicted(set: ReturnType<typeof createExpiringSet>, at: number): string[] {
  const dropped: string[] = [];
  set.evict(at, (value) => dropped.push(value));
  return dropped;
}

test('over the limit, the oldest go first, each once', () => {
  const set = createExpiringSet(3, 60_000);
  for (const value of ['a', 'b', 'c', 'd', 'e']) set.add(value, 0);
  expect(evicted(set, 0)).toEqual(['a', 'b']);
  expect(set.size()).toBe(3);
  expect(evicted(set, 0)).toEqual([]);
});

test('a value added again becomes the newest and is not held twice', () => {
  const set = createExpiringSet(2, 60_000);
  expect(set.add('a', 0)).toBe(true);
  expect(set.add('b', 0)).toBe(true);
  expect(set.add('a', 1)).toBe(false);
  set.add('c', 2);
  expect(evicted(set, 2)).toEqual(['b']);
  set.add('d', 3);
  expect(evicted(set, 3)).toEqual(['a']);
  expect(set.size()).toBe(2);
});

test('a value is dropped once its time to live has passed since it was last added', () => {
  const set = createExpiringSet(100, 1000);
  set.add('old', 0);
  set.add('renewed', 0);
  set.add('renewed', 600);
  expect(evicted(set, 999)).toEqual([]);
  expect(evicted(set, 1000)).toEqual(['old']);
  expect(evicted(set, 1599)).toEqual([]);
  expect(evicted(set, 1600)).toEqual(['renewed']);
  expect(set.size()).toBe(0);
});

test('never expiring values stay, whatever the clock', () => {
  const set = createExpiringSet(10, Number.POSITIVE_INFINITY);
  set.add('configured', 0);
  expect(evicted(set, 365 * 24 * 3600_000)).toEqual([]);
  expect(set.size()).toBe(1);
});

test('a value renewed at every request is held once, as the newest, and the order holds after', () => {
  // A workspace's bot token is registered again each time it is read: 200,000 renewals among 10,000
  // other values (the entries they leave behind are compacted away as they go).
  const set = createExpiringSet(10_000, 24 * 3600_000);
  for (let i = 0; i < 10_000; i++) set.add(`passcode-${i}`, 0);
  let drops = 0;
  for (let i = 0; i < 200_000; i++) {
    set.add('xoxb-bot-token', i);
    set.evict(i, () => drops++);
  }
  expect(set.size()).toBe(10_000);
  expect(drops).toBe(1);
  // Full and at its limit, every add drops exactly the oldest: 20,000 adds, 20,000 drops, in order.
  const dropped: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    set.add(`later-${i}`, 300_000);
    set.evict(300_000, (value) => dropped.push(value));
  }
  expect(dropped).toHaveLength(20_000);
  expect(dropped.slice(0, 3)).toEqual(['passcode-1', 'passcode-2', 'passcode-3']);
  expect(dropped[9_999]).toBe('xoxb-bot-token');
  expect(dropped.at(-1)).toBe('later-9999');
  expect(set.size()).toBe(10_000);
});
