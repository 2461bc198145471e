import { runDueDigests } from '../../src/digest/run-due';
import { createMeetClient } from '../../src/meet/client';
import { startSandbox } from '../../src/sandbox/server';
import { openStore } from '../../src/store/open-store';
import { createFakePosters, createFakeTimers, silentLogger } from './fixtures';

const due = new Date('2026-12-07T08:00:00Z');

test('N channels of one tenant cost the Meet API exactly one usage and one feedback request', async () => {
  const sandbox = await startSandbox({ now: () => due });
  const meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  const store = await openStore('sqlite::memory:', { clock: () => new Date('2026-11-01T00:00:00Z') });
  try {
    for (let i = 0; i < 25; i++) {
      await store.saveDigestSubscription({
        platform: i % 2 ? 'slack' : 'teams',
        channelId: `C${i}`,
        weekday: 1,
        time: '09:00',
        timeZone: 'Europe/Berlin',
        tenant: 'ACME01',
        createdBy: 'U1',
      });
    }
    const posters = createFakePosters();
    const report = await runDueDigests(
      {
        store,
        meet,
        posters: posters.posters,
        clock: () => due,
        logger: silentLogger,
        timers: createFakeTimers().timers,
      },
      due,
    );
    expect(report.sent).toHaveLength(25);
    const reports = sandbox.requests.filter(
      (r) => r.path.startsWith('/v1/usage') || r.path.startsWith('/v1/feedbacks'),
    );
    expect(reports.map((r) => [r.method, r.path, r.query.from, r.query.to])).toEqual(
      expect.arrayContaining([
        ['GET', '/v1/usage/ACME01', '2026-11-22T23:00:00.000Z', '2026-12-06T22:59:59.999Z'],
        ['GET', '/v1/feedbacks/ACME01', '2026-11-29T23:00:00.000Z', '2026-12-06T22:59:59.999Z'],
      ]),
    );
    expect(reports).toHaveLength(2);
    // The seeded tenant is busy on weekdays: the digest has Meets in it.
    const first = posters.posted.find((p) => p.platform === 'slack');
    expect(first?.message.text).toMatch(/ACME01, Mon 30 Nov – Sun 6 Dec 2026: [1-9]\d* Meets/);
  } finally {
    await store.close();
    await meet.close();
    await sandbox.close();
  }
});
