import { runDueDigests } from '../../src/digest/run-due';
import { renderDigestBlocks } from '../../src/slack/digest-blocks';
import { openStore } from '../../src/store/open-store';
import type { NewDigestSubscription, Store } from '../../src/store/store';
import { createTestSchema, type TestSchema } from '../store/postgres-test-schema';
import { createFakeMeet, createFakePosters, createFakeTimers, silentLogger } from './fixtures';
import { weekFeedbacks, weekUsage } from './week-data';

/**
 * Exactly once across processes: two stores (two pools, like two replicas) on one fresh
 * PostgreSQL schema, and a process that stops in the middle of a send.
 */

const due = new Date('2026-12-07T08:00:00Z');
const periodStart = '2026-11-29T23:00:00.000Z';
const created = () => new Date('2026-11-01T00:00:00Z');

const sub = (channelId: string): NewDigestSubscription => ({
  platform: channelId.startsWith('19:') ? 'teams' : 'slack',
  workspaceId: 'T1',
  channelId,
  weekday: 1,
  time: '09:00',
  timeZone: 'Europe/Berlin',
  tenant: 'ACME01',
  createdBy: 'U1',
});

function replica(store: Store, at: Date = due) {
  const posters = createFakePosters();
  const deps = {
    store,
    meet: createFakeMeet({ usage: weekUsage, feedbacks: weekFeedbacks }).meet,
    posters: posters.posters,
    clock: () => at,
    logger: silentLogger,
    timers: createFakeTimers().timers,
  };
  return { posters, deps };
}

describe('on PostgreSQL, two replicas', () => {
  let schema: TestSchema;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    schema = await createTestSchema();
    a = await openStore(schema.url, { clock: created, poolSize: 4 });
    b = await openStore(schema.url, { clock: created, poolSize: 4 });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await schema.drop();
  });

  test('running at the same instant send each digest exactly once', async () => {
    const channels = [...Array.from({ length: 15 }, (_, i) => `C${i}`), '19:t1', '19:t2', '19:t3'];
    for (const c of channels) await a.saveDigestSubscription(sub(c));
    const one = replica(a);
    const two = replica(b);

    const [r1, r2] = await Promise.all([runDueDigests(one.deps, due), runDueDigests(two.deps, due)]);

    const posted = [...one.posters.posted, ...two.posters.posted].map((p) => p.channelId);
    expect(posted.sort()).toEqual([...channels].sort());
    expect([...r1.sent, ...r2.sent].map((s) => s.channelId).sort()).toEqual([...channels].sort());
    expect([...r1.failed, ...r2.failed]).toEqual([]);
    for (const s of await b.listDigestSubscriptions()) {
      expect((await b.getDigestRun(s.id, periodStart))?.status).toBe('sent');
    }
  });

  test('a replica that stops mid-send is not followed by a second copy', async () => {
    const saved = await a.saveDigestSubscription(sub('C1'));
    const one = replica(a);
    let release: () => void = () => undefined;
    let called: () => void = () => undefined;
    const calledPromise = new Promise<void>((resolve) => {
      called = resolve;
    });
    // The first replica claims, then its post never comes back (the process is frozen or dies).
    one.deps.posters = {
      slack: {
        render: renderDigestBlocks,
        post: () => {
          called();
          return new Promise((resolve) => {
            release = () => resolve({ messageId: 'late' });
          });
        },
      },
    };
    const frozen = runDueDigests({ ...one.deps, options: { sendTimeoutMs: 60_000 } }, due);
    await calledPromise;
    expect((await b.getDigestRun(saved.id, periodStart))?.status).toBe('claimed');

    // The other replica, right away and 20 minutes later (a restart): nothing is sent again.
    const two = replica(b);
    const now = await runDueDigests(two.deps, due);
    expect(now.skipped).toMatchObject([{ channelId: 'C1', reason: 'in_progress_elsewhere' }]);
    const later = await runDueDigests(two.deps, new Date(due.getTime() + 20 * 60_000));
    expect(later.skipped).toMatchObject([{ channelId: 'C1', reason: 'in_doubt' }]);
    expect(two.posters.attempts).toEqual([]);

    release();
    await frozen;
  });
});

test('on SQLite: a run left claimed by a process that died is not resent after the restart', async () => {
  const store = await openStore('sqlite::memory:', { clock: created });
  try {
    const saved = await store.saveDigestSubscription(sub('C1'));
    // What a process that died right after claiming leaves behind.
    expect(await store.claimDigestRun(saved.id, periodStart, due)).toBe(true);
    const restarted = replica(store, new Date(due.getTime() + 30 * 60_000));
    const report = await runDueDigests(restarted.deps, new Date(due.getTime() + 30 * 60_000));
    expect(report.sent).toEqual([]);
    expect(report.skipped).toMatchObject([{ channelId: 'C1', reason: 'in_doubt' }]);
    expect(restarted.posters.attempts).toEqual([]);
  } finally {
    await store.close();
  }
});
