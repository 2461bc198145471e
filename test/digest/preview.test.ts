import { previewDigest } from '../../src/digest/scheduler';
import { openStore } from '../../src/store/open-store';
import { createFakeMeet } from './fixtures';
import { weekFeedbacks, weekUsage } from './week-data';

test('preview prints the channel’s digest for the last complete week, sends and records nothing', async () => {
  const store = await openStore('sqlite::memory:');
  try {
    const sub = await store.saveDigestSubscription({
      platform: 'teams',
      channelId: '19:c@thread',
      weekday: 1,
      time: '09:00',
      timeZone: 'Europe/Berlin',
      tenant: 'ACME01',
      createdBy: 'U1',
    });
    const meet = createFakeMeet({ usage: weekUsage, feedbacks: weekFeedbacks });
    const at = new Date('2026-12-08T12:00:00Z');
    const text = await previewDigest({ store, meet: meet.meet, clock: () => at }, { channelId: '19:c@thread' }, at);
    expect(text).toContain('Preview for teams channel 19:c@thread (not sent)');
    expect(text).toContain('Mon 30 Nov – Sun 6 Dec 2026 (Europe/Berlin)');
    expect(text).toContain('Meets             4 (week before: 2, +100%)');
    expect(text).toContain('Lowest rated ★★☆☆☆ · Thu 3 Dec: “Audio kept dropping <@U123>”');
    expect(await store.getDigestRun(sub.id, '2026-11-29T23:00:00.000Z')).toBeUndefined();

    await expect(
      previewDigest({ store, meet: meet.meet, clock: () => at }, { channelId: 'C-none' }, at),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  } finally {
    await store.close();
  }
});

test('an admin previews a tenant before anyone subscribes: same figures, nothing stored or sent', async () => {
  const store = await openStore('sqlite::memory:');
  try {
    const meet = createFakeMeet({ usage: weekUsage, feedbacks: weekFeedbacks });
    const at = new Date('2026-12-08T12:00:00Z');
    const text = await previewDigest(
      { store, meet: meet.meet, clock: () => at },
      { tenant: 'ACME01', timeZone: 'Europe/Berlin' },
      at,
    );
    expect(text).toContain('Preview for tenant ACME01, Europe/Berlin (not sent)');
    expect(text).toContain('Mon 30 Nov – Sun 6 Dec 2026 (Europe/Berlin)');
    expect(text).toContain('Meets             4 (week before: 2, +100%)');
    expect(meet.calls.map((c) => c.query.tenant)).toEqual(['ACME01', 'ACME01']);
    expect(await store.listDigestSubscriptions()).toEqual([]);
  } finally {
    await store.close();
  }
});
