import { createLimiter } from '../../src/digest/limiter';
import { createPacer } from '../../src/digest/pacer';
import { createFakeTimers } from './fixtures';

test('the limiter never runs more than its concurrency at once, and runs everything', async () => {
  const limit = createLimiter(3);
  let active = 0;
  let peak = 0;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      limit(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setImmediate(resolve));
        active -= 1;
        if (i === 5) throw new Error('task 5 fails');
        return i;
      }).catch((error: Error) => error.message),
    ),
  );
  expect(peak).toBe(3);
  expect(results[5]).toBe('task 5 fails');
  expect(results.filter((r) => typeof r === 'number')).toHaveLength(19);
});

test('the pacer spaces posts to one channel and holds a key after a Retry-After', async () => {
  const { timers, waits } = createFakeTimers();
  const pacer = createPacer(timers);
  await pacer.wait(['slack:C1', 'ws:T1'], 1000);
  await pacer.wait(['slack:C2', 'ws:T1'], 1000); // another channel: no wait
  expect(waits).toEqual([]);
  await pacer.wait(['slack:C1', 'ws:T1'], 1000); // same channel: one second later
  expect(waits).toEqual([1000]);
  pacer.hold('ws:T1', 5000);
  await pacer.wait(['slack:C3', 'ws:T1'], 1000); // the workspace is held
  expect(waits).toEqual([1000, 5000]);
});
