import { startWatchScheduler } from '../../src/flows/watch-scheduler';
import type { MeetApi } from '../../src/meet/meet-api';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { captureLogs } from '../fixtures/capture-logs';
import { eventually } from '../fixtures/eventually';
import { scrapedSample } from '../fixtures/scrape';

/**
 * The watcher's timer ticks at start and every poll; each tick is counted at /metrics by outcome,
 * which is how an operator sees that the watcher runs (and that its store fails).
 */

const ticks = (outcome: 'ok' | 'failed') => scrapedSample(`meetbot_watcher_ticks_total{outcome="${outcome}"}`);
// No Meet is open, so the Meet API is never called: a tick reads the store and stops there.
const meet = {} as MeetApi;

test('ticks at start and then every poll, each counted as ok; none after stop', async () => {
  const store = await openStore('sqlite::memory:');
  const { logger } = captureLogs();
  const before = await ticks('ok');
  const watcher = startWatchScheduler({ store, meet, logger, clock: () => new Date(), announcers: {}, pollMs: 20 });
  await eventually(async () => (await ticks('ok')) - before >= 3, 'three ticks counted');
  await watcher.stop();
  const stoppedAt = await ticks('ok');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await ticks('ok')).toBe(stoppedAt);
  await store.close();
});

test('a tick whose store fails is counted as failed and logged, and the next tick runs', async () => {
  const real = await openStore('sqlite::memory:');
  let calls = 0;
  const store: Store = Object.create(real, {
    listOpenWatches: {
      value: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database is locked');
        return real.listOpenWatches();
      },
    },
  });
  const { logger, lines } = captureLogs();
  const failedBefore = await ticks('failed');
  const okBefore = await ticks('ok');
  const watcher = startWatchScheduler({ store, meet, logger, clock: () => new Date(), announcers: {}, pollMs: 20 });
  await eventually(async () => (await ticks('ok')) > okBefore, 'a tick after the failed one');
  await watcher.stop();
  expect((await ticks('failed')) - failedBefore).toBe(1);
  expect(lines.map((l) => l.msg)).toContain('watcher tick failed');
  await real.close();
});
