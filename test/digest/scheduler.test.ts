import { startDigestScheduler } from '../../src/digest/scheduler';
import { openStore } from '../../src/store/open-store';
import { createFakeMeet, createFakePosters, silentLogger } from './fixtures';
import { weekFeedbacks, weekUsage } from './week-data';

const due = new Date('2026-12-07T08:00:00Z');

test('a process that was down at the due time sends the missed digest as soon as it starts, once', async () => {
  const store = await openStore('sqlite::memory:', { clock: () => new Date('2026-11-01T00:00:00Z') });
  try {
    await store.saveDigestSubscription({
      platform: 'slack',
      channelId: 'C1',
      weekday: 1,
      time: '09:00',
      timeZone: 'Europe/Berlin',
      createdBy: 'U1',
    });
    const posters = createFakePosters();
    const deps = {
      store,
      meet: createFakeMeet({ usage: weekUsage, feedbacks: weekFeedbacks }).meet,
      posters: posters.posters,
      clock: () => new Date(due.getTime() + 3 * 3_600_000),
      logger: silentLogger,
    };
    const first = startDigestScheduler(deps);
    await first.stop();
    expect(posters.posted.map((p) => p.channelId)).toEqual(['C1']);
    expect(posters.posted[0].message.text).toContain('4 Meets');

    // Another restart an hour later: already sent.
    const second = startDigestScheduler({ ...deps, clock: () => new Date(due.getTime() + 4 * 3_600_000) });
    await second.stop();
    expect(posters.posted).toHaveLength(1);
  } finally {
    await store.close();
  }
});
