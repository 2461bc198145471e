import type { MeetFeedback } from '../../src/core/meet-feedback';
import type { MeetStatus } from '../../src/core/meet-status';
import type { MeetCreatedPublic } from '../../src/core/reply-model';
import type { MeetAnnouncer, ShowResult } from '../../src/flows/meet-announcer';
import { feedbackWindowMs, notStartedCutoffMs, runWatchTick, type WatchDeps } from '../../src/flows/watch-meets';
import { createSilentLogger } from '../../src/logger';
import { MeetApiError } from '../../src/meet/errors';
import type { MeetApi } from '../../src/meet/meet-api';
import type { FeedbackRecord, ReportQuery, UsageRecord } from '../../src/meet/schemas';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

/**
 * The watcher's rules, tick by tick, on a real SQLite store with a fake Meet API (usage and
 * ratings per tenant, every request recorded) and a fake announcer (every message change and
 * every private rating recorded). The clock is fixed and moved by the test: runWatchTick takes it.
 */

const minute = 60_000;
const pollMs = minute;
const t0 = new Date('2030-03-04T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);
const logger = createSilentLogger();

function shown(title: string): MeetCreatedPublic {
  return {
    title,
    joinUrl: `https://meet.rs/${title.replace(/\s+/g, '-')}`,
    template: 'meeting',
    createdBy: { displayName: 'Rita', platform: 'slack', userId: 'UREC' },
    participants: [],
    guestAccess: 'none',
  };
}

/** A usage record as the Meet API lists it; `fields` says where the Meet is. */
function usage(code: string, fields: Partial<UsageRecord> = {}): UsageRecord {
  return {
    code,
    participants: 3,
    createdAt: t0.toISOString(),
    totalDurationInSeconds: 0,
    billableDurationInSeconds: 0,
    isFree: false,
    isSubscriptionCovered: true,
    ...fields,
  };
}

function rating(code: string, value: number, text?: string): FeedbackRecord {
  return { rating: value, resourceId: code, timestamp: at(33).toISOString(), ...(text ? { text } : {}) };
}

/** The Meet API: only the two reports the watcher reads, answered per tenant; every request kept. */
function fakeMeet() {
  const usageRequests: ReportQuery[] = [];
  const feedbackRequests: ReportQuery[] = [];
  const usageOf = new Map<string, UsageRecord[] | Error>();
  const feedbacksOf = new Map<string, FeedbackRecord[]>();
  const api: Pick<MeetApi, 'getUsage' | 'getFeedbacks'> = {
    async getUsage(query) {
      usageRequests.push(query);
      const answer = usageOf.get(query.tenant ?? '') ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    async getFeedbacks(query) {
      feedbackRequests.push(query);
      return feedbacksOf.get(query.tenant ?? '') ?? [];
    },
  };
  return { api: api as MeetApi, usageRequests, feedbackRequests, usageOf, feedbacksOf };
}

/** The platform side: what each message was changed to, and the ratings sent to creators. */
function fakeAnnouncer() {
  const shows: Array<{ code: string; status: MeetStatus | undefined; title: string; now: Date }> = [];
  const feedbacks: Array<{ code: string; creatorId: string; feedback: MeetFeedback }> = [];
  const results = new Map<string, ShowResult>();
  const announcer: MeetAnnouncer = {
    async show(watch, meetShown, now) {
      shows.push({ code: watch.code, status: meetShown.status, title: meetShown.title, now });
      return results.get(watch.code) ?? { outcome: 'shown' };
    },
    async sendFeedback(watch, feedback) {
      feedbacks.push({ code: watch.code, creatorId: watch.creatorId, feedback });
    },
    async remind() {
      throw new Error('the watcher never reminds');
    },
  };
  return { announcer, shows, feedbacks, results };
}

let store: Store;
let now: Date;
let meet: ReturnType<typeof fakeMeet>;
let slack: ReturnType<typeof fakeAnnouncer>;
let deps: WatchDeps;

beforeEach(async () => {
  now = t0;
  store = await openStore('sqlite::memory:', { clock: () => now });
  meet = fakeMeet();
  slack = fakeAnnouncer();
  deps = { store, meet: meet.api, logger, clock: () => now, announcers: { slack: slack.announcer }, pollMs };
});
afterEach(() => store.close());

/** A Meet for now, announced on Slack at `createdAt`, as the create flows save it. */
async function watch(code: string, tenant: string, createdAt = t0): Promise<void> {
  await store.watchMeet({
    code,
    tenant,
    platform: 'slack',
    workspaceId: 'T0TEAM',
    channelId: 'C0CHAN',
    creatorId: 'UREC',
    message: { kind: 'slack', channel: 'C0CHAN', ts: `${code}.1` },
    shown: shown(`Meet ${code}`),
    createdAt,
    watchFrom: createdAt,
  });
}

/** One tick at `instant` (the clock moves there first). */
async function tick(instant: Date, tickDeps: WatchDeps = deps) {
  now = instant;
  return runWatchTick(tickDeps, instant);
}

const openCodes = async () => (await store.listOpenWatches()).map((w) => w.code);
const stateOf = async (code: string) => (await store.findWatch(code))?.state;

test('a usage record of a Meet nobody watches is ignored: its watched neighbour goes Live, nothing else is shown', async () => {
  await watch('WATCHED1', 'tenant-a');
  // Not in the report yet: it takes nothing from the records beside it.
  await watch('WATCHED2', 'tenant-a');
  meet.usageOf.set('tenant-a', [
    usage('STRANGER', { startedAt: at(1).toISOString(), participants: 9 }),
    usage('WATCHED1', { startedAt: at(1).toISOString(), participants: 2 }),
    usage('STRANGR2', { startedAt: at(1).toISOString(), endedAt: at(2).toISOString(), totalDurationInSeconds: 60 }),
  ]);

  const report = await tick(at(2));

  expect(report).toMatchObject({ polled: 1, usageRequests: 1, updated: 1, failures: 0 });
  expect(slack.shows.map((s) => s.code)).toEqual(['WATCHED1']);
  expect(slack.shows[0].status).toEqual({ state: 'live', startedAt: at(1), participants: 2 });
  expect(await store.findWatch('WATCHED1')).toMatchObject({ state: 'live', participants: 2, shownState: 'live:2' });
  expect(await stateOf('WATCHED2')).toBe('created');
  expect(await store.findWatch('STRANGER')).toBeUndefined();
  expect(await store.findWatch('STRANGR2')).toBeUndefined();
});

test('a start that is absent, null or empty means "not started yet", an end likewise means still Live: never "Ended"', async () => {
  const started = at(1).toISOString();
  const cases: Array<[string, Partial<UsageRecord>]> = [
    ['NOSTART1', {}],
    ['NOSTART2', { startedAt: null, endedAt: null }],
    ['NOSTART3', { startedAt: '', endedAt: '' }],
    ['NOEND1', { startedAt: started }],
    ['NOEND2', { startedAt: started, endedAt: null }],
    ['NOEND3', { startedAt: started, endedAt: '' }],
  ];
  for (const [code] of cases) await watch(code, 'tenant-a');
  meet.usageOf.set(
    'tenant-a',
    cases.map(([code, fields]) => usage(code, fields)),
  );

  const report = await tick(at(2));

  expect(report.failures).toBe(0);
  // Not started: the message already says so, nothing to change. Live: shown as Live, never as Ended.
  expect(slack.shows.map((s) => [s.code, s.status?.state])).toEqual([
    ['NOEND1', 'live'],
    ['NOEND2', 'live'],
    ['NOEND3', 'live'],
  ]);
  for (const [code] of cases.slice(0, 3)) expect(await stateOf(code)).toBe('created');
  for (const [code] of cases.slice(3)) {
    const w = await store.findWatch(code);
    expect(w).toMatchObject({ state: 'live', startedAt: at(1) });
    expect(w?.endedAt).toBeUndefined();
    expect(w?.feedbackUntil).toBeUndefined();
  }
  expect((await openCodes()).sort()).toEqual(cases.map(([code]) => code).sort());
});

test('a Meet that never starts is followed for 24 h after its creation, then let go without a post', async () => {
  await watch('NEVER1', 'tenant-a');
  meet.usageOf.set('tenant-a', [usage('NEVER1', { startedAt: null })]);

  await tick(at(1));
  const lastMinute = await tick(new Date(t0.getTime() + notStartedCutoffMs));
  expect(lastMinute.usageRequests).toBe(1);
  expect(await openCodes()).toEqual(['NEVER1']);
  expect(await stateOf('NEVER1')).toBe('created');

  const pastCutoff = await tick(new Date(t0.getTime() + notStartedCutoffMs + minute));
  expect(pastCutoff.usageRequests).toBe(1);
  expect(await openCodes()).toEqual([]);
  expect(await stateOf('NEVER1')).toBe('expired');

  // Let go: not asked about again, and the message was never changed.
  const requests = meet.usageRequests.length;
  const after = await tick(new Date(t0.getTime() + notStartedCutoffMs + 2 * minute));
  expect(after).toMatchObject({ tenants: 0, polled: 0, usageRequests: 0 });
  expect(meet.usageRequests).toHaveLength(requests);
  expect(slack.shows).toEqual([]);
});

test('an ended Meet waits 2 h for ratings: they reach its creator once; without ratings the wait ends at the window', async () => {
  await watch('RATED1', 'tenant-a');
  await watch('UNRATED1', 'tenant-a');
  const ended = { startedAt: at(1).toISOString(), endedAt: at(31).toISOString(), totalDurationInSeconds: 1800 };
  meet.usageOf.set('tenant-a', [usage('RATED1', ended), usage('UNRATED1', ended)]);

  await tick(at(32));
  expect(slack.shows.map((s) => [s.code, s.status?.state])).toEqual([
    ['RATED1', 'ended'],
    ['UNRATED1', 'ended'],
  ]);
  const feedbackUntil = new Date(at(31).getTime() + feedbackWindowMs);
  expect(await store.findWatch('RATED1')).toMatchObject({ state: 'ended', feedback: 'waiting', feedbackUntil });

  // Within the window: the tenant's ratings are asked for, from the end on.
  const waiting = await tick(at(33));
  expect(waiting).toMatchObject({ usageRequests: 0, feedbackRequests: 1, feedbackSent: 0 });
  expect(meet.feedbackRequests.at(-1)).toEqual({
    tenant: 'tenant-a',
    from: at(31).toISOString(),
    to: at(33).toISOString(),
  });
  expect(slack.feedbacks).toEqual([]);

  meet.feedbacksOf.set('tenant-a', [
    rating('RATED1', 3, '  a bit   late '),
    rating('RATED1', 5),
    rating('ELSEWHERE', 1, 'not this Meet'),
  ]);
  const rated = await tick(at(34));
  expect(rated.feedbackSent).toBe(1);
  expect(slack.feedbacks).toEqual([
    {
      code: 'RATED1',
      creatorId: 'UREC',
      feedback: {
        title: 'Meet RATED1',
        joinUrl: 'https://meet.rs/Meet-RATED1',
        ratings: [{ rating: 5 }, { rating: 3, comment: 'a bit late' }],
        average: 4,
        more: 0,
      },
    },
  ]);
  expect(await store.findWatch('RATED1')).toMatchObject({ feedback: 'sent' });
  expect(await openCodes()).toEqual(['UNRATED1']);

  // The same ratings at the next tick: not sent again.
  const again = await tick(at(35));
  expect(again.feedbackSent).toBe(0);
  expect(slack.feedbacks).toHaveLength(1);

  // The last instant of the window: still waiting and still asked.
  const asked = meet.feedbackRequests.length;
  await tick(new Date(feedbackUntil.getTime()));
  expect(meet.feedbackRequests).toHaveLength(asked + 1);
  expect(await openCodes()).toEqual(['UNRATED1']);

  // Past it: the request that finds nothing closes the watch, and the tenant is not asked again.
  await tick(new Date(feedbackUntil.getTime() + minute));
  expect(meet.feedbackRequests).toHaveLength(asked + 2);
  expect(await store.findWatch('UNRATED1')).toMatchObject({ state: 'ended', feedback: 'none' });
  expect(await openCodes()).toEqual([]);
  await tick(new Date(feedbackUntil.getTime() + 2 * minute));
  expect(meet.feedbackRequests).toHaveLength(asked + 2);
  expect(meet.feedbackRequests.every((q) => q.tenant === 'tenant-a')).toBe(true);
  expect(slack.feedbacks).toHaveLength(1);
  expect(slack.shows).toHaveLength(2);
});

test('an unchanged state is not shown again: not by a second tick at the same instant, nor by the next tick', async () => {
  await watch('STEADY1', 'tenant-a');
  meet.usageOf.set('tenant-a', [usage('STEADY1', { startedAt: at(1).toISOString(), participants: 3 })]);

  await tick(at(2));
  expect(slack.shows).toHaveLength(1);

  // The same instant: this tenant's tick was already claimed, so it is not even polled.
  const sameInstant = await tick(at(2));
  expect(sameInstant).toMatchObject({ polled: 0, usageRequests: 0, updated: 0 });
  expect(slack.shows).toHaveLength(1);

  // The next tick asks again and gets the same usage: the message already shows it.
  const next = await tick(at(3));
  expect(next).toMatchObject({ polled: 1, usageRequests: 1, updated: 0 });
  expect(slack.shows).toHaveLength(1);

  // A change (a fourth person joined) is shown.
  meet.usageOf.set('tenant-a', [usage('STEADY1', { startedAt: at(1).toISOString(), participants: 4 })]);
  await tick(at(4));
  expect(slack.shows.map((s) => s.status)).toEqual([
    { state: 'live', startedAt: at(1), participants: 3 },
    { state: 'live', startedAt: at(1), participants: 4 },
  ]);
});

test('a rate-limited usage report keeps the tenant’s Meets open and unshown and backs that tenant off; other tenants go on', async () => {
  await watch('SLOW1', 'tenant-a');
  await watch('SLOW2', 'tenant-a');
  await watch('FAST1', 'tenant-b');
  const live = { startedAt: at(1).toISOString() };
  const rateLimited = new MeetApiError('rate_limited', 'the Meet API is rate limiting', { status: 429 });
  expect(rateLimited.retryable).toBe(true);
  meet.usageOf.set('tenant-a', rateLimited);
  meet.usageOf.set('tenant-b', [usage('FAST1', live)]);
  const backoff = new Map<string, { failures: number; until: number }>();
  const withBackoff: WatchDeps = { ...deps, backoff };

  const failed = await tick(at(2), withBackoff);
  expect(failed).toMatchObject({ tenants: 2, polled: 2, usageRequests: 2, failures: 1 });
  expect(slack.shows.map((s) => s.code)).toEqual(['FAST1']);
  expect((await openCodes()).sort()).toEqual(['FAST1', 'SLOW1', 'SLOW2']);
  expect(await stateOf('SLOW1')).toBe('created');
  expect(await stateOf('SLOW2')).toBe('created');
  // At least the next tick is skipped: twice the poll after a first failure.
  expect(backoff.get('tenant-a')).toEqual({ failures: 1, until: at(2).getTime() + 2 * pollMs });
  expect(backoff.has('tenant-b')).toBe(false);

  // A minute later the Meet API would answer, but tenant-a is still backing off; tenant-b is polled.
  meet.usageOf.set('tenant-a', [usage('SLOW1', live), usage('SLOW2', live)]);
  const skipped = await tick(at(3), withBackoff);
  expect(skipped).toMatchObject({ tenants: 2, polled: 1, usageRequests: 1, failures: 0 });
  expect(meet.usageRequests.slice(2).map((q) => q.tenant)).toEqual(['tenant-b']);
  expect(slack.shows.map((s) => s.code)).toEqual(['FAST1']);

  // Once the backoff has passed, tenant-a is asked again and its Meets are shown.
  const resumed = await tick(at(4), withBackoff);
  expect(resumed).toMatchObject({ polled: 2, usageRequests: 2, failures: 0 });
  expect(
    meet.usageRequests
      .slice(3)
      .map((q) => q.tenant)
      .sort(),
  ).toEqual(['tenant-a', 'tenant-b']);
  expect(slack.shows.map((s) => s.code)).toEqual(['FAST1', 'SLOW1', 'SLOW2']);
  expect(backoff.has('tenant-a')).toBe(false);
});

test('a Meet whose message is gone is no longer followed and not shown again', async () => {
  await watch('GONE1', 'tenant-a');
  await watch('KEPT1', 'tenant-a');
  slack.results.set('GONE1', { outcome: 'gone' });
  meet.usageOf.set('tenant-a', [
    usage('GONE1', { startedAt: at(1).toISOString() }),
    usage('KEPT1', { startedAt: at(1).toISOString() }),
  ]);

  const first = await tick(at(2));
  expect(first.updated).toBe(1);
  expect(slack.shows.map((s) => s.code)).toEqual(['GONE1', 'KEPT1']);
  expect(await stateOf('GONE1')).toBe('gone');
  expect(await openCodes()).toEqual(['KEPT1']);

  // Both end; only the one still followed is shown.
  const ended = { startedAt: at(1).toISOString(), endedAt: at(31).toISOString(), totalDurationInSeconds: 1800 };
  meet.usageOf.set('tenant-a', [usage('GONE1', ended), usage('KEPT1', ended)]);
  await tick(at(32));
  expect(slack.shows.map((s) => [s.code, s.status?.state])).toEqual([
    ['GONE1', 'live'],
    ['KEPT1', 'live'],
    ['KEPT1', 'ended'],
  ]);
  expect(await stateOf('GONE1')).toBe('gone');
});
