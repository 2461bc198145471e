import { Writable } from 'node:stream';
import { runDueDigests } from '../../src/digest/run-due';
import { createLogger } from '../../src/logger';
import { openStore } from '../../src/store/open-store';
import type { NewDigestSubscription, Store } from '../../src/store/store';
import { scrapedSample } from '../fixtures/scrape';
import { botRemoved, createFakeMeet, createFakePosters, createFakeTimers, rateLimited, silentLogger } from './fixtures';
import { weekFeedbacks, weekUsage } from './week-data';

// Monday 7 Dec 2026, 09:00 in Berlin.
const due = new Date('2026-12-07T08:00:00Z');
const periodStart = '2026-11-29T23:00:00.000Z';
const created = new Date('2026-11-01T00:00:00Z');

const berlin = (channelId: string, extra: Partial<NewDigestSubscription> = {}): NewDigestSubscription => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId,
  weekday: 1,
  time: '09:00',
  timeZone: 'Europe/Berlin',
  tenant: 'ACME01',
  createdBy: 'U1',
  ...extra,
});

let store: Store;
beforeEach(async () => {
  store = await openStore('sqlite::memory:', { clock: () => created });
});
afterEach(() => store.close());

function setup() {
  const meet = createFakeMeet({ usage: weekUsage, feedbacks: weekFeedbacks });
  const posters = createFakePosters();
  const fake = createFakeTimers();
  const deps = {
    store,
    meet: meet.meet,
    posters: posters.posters,
    clock: () => due,
    logger: silentLogger,
    timers: fake.timers,
  };
  return { meet, posters, fake, deps };
}

test('sends a due digest to Slack and Teams, once per tenant fetch, and records the message ids', async () => {
  const slack = await store.saveDigestSubscription(berlin('C1'));
  const teams = await store.saveDigestSubscription(berlin('19:team@thread', { platform: 'teams', workspaceId: 'tid' }));
  const { meet, posters, deps } = setup();

  const report = await runDueDigests(deps, due);

  expect(report.sent.map((s) => [s.channelId, s.periodStart])).toEqual(
    expect.arrayContaining([
      ['C1', periodStart],
      ['19:team@thread', periodStart],
    ]),
  );
  expect(report.failed).toEqual([]);
  expect(meet.calls).toEqual([
    { kind: 'usage', query: { tenant: 'ACME01', from: '2026-11-22T23:00:00.000Z', to: '2026-12-06T22:59:59.999Z' } },
    { kind: 'feedbacks', query: { tenant: 'ACME01', from: periodStart, to: '2026-12-06T22:59:59.999Z' } },
  ]);
  const slackPost = posters.posted.find((p) => p.platform === 'slack');
  expect(slackPost?.workspaceId).toBe('T1');
  expect(slackPost?.message.text).toBe('Weekly Meet digest · ACME01, Mon 30 Nov – Sun 6 Dec 2026: 4 Meets, 2h 25m');
  expect(JSON.stringify(slackPost?.message.blocks)).toContain('*Subscription*\\n2 covered, 1 charged');
  const teamsPost = posters.posted.find((p) => p.platform === 'teams');
  expect(teamsPost?.message.attachments[0].content.body[0].text).toBe('Weekly Meet digest · ACME01');

  const slackRun = await store.getDigestRun(slack.id, periodStart);
  expect(slackRun).toMatchObject({
    status: 'sent',
    messageId: report.sent.find((s) => s.channelId === 'C1')?.messageId,
  });
  expect((await store.getDigestRun(teams.id, periodStart))?.status).toBe('sent');
});

test('`digest run` twice at the same instant sends once', async () => {
  await store.saveDigestSubscription(berlin('C1'));
  const { posters, deps } = setup();
  const first = await runDueDigests(deps, due);
  const second = await runDueDigests(deps, due);
  expect(first.sent).toHaveLength(1);
  expect(second.sent).toEqual([]);
  expect(second.skipped).toMatchObject([{ channelId: 'C1', reason: 'already_sent' }]);
  expect(posters.posted).toHaveLength(1);
});

test('catch-up: due 3 hours ago is sent; due 30 hours ago is skipped, recorded and logged', async () => {
  await store.saveDigestSubscription(berlin('C-late'));
  await store.saveDigestSubscription(berlin('C-stale', { time: '08:00', weekday: 7 })); // Sun 6 Dec 08:00 = 07:00Z
  const lines: string[] = [];
  const logger = createLogger({
    destination: new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const { posters, deps } = setup();
  const at = new Date(due.getTime() + 3 * 3_600_000);
  const skippedBefore = await scrapedSample('meetbot_digests_total{outcome="skipped"}');

  const report = await runDueDigests({ ...deps, logger }, at);

  expect(posters.posted.map((p) => p.channelId)).toEqual(['C-late']);
  expect(report.sent.map((s) => s.channelId)).toEqual(['C-late']);
  // Sunday's digest covers the week before Sunday: 23–29 Nov.
  expect(report.skipped).toMatchObject([
    { channelId: 'C-stale', reason: 'too_late', periodStart: '2026-11-22T23:00:00.000Z' },
  ]);
  const stale = await store.findDigestSubscription('slack', 'C-stale');
  expect((await store.getDigestRun(stale!.id, '2026-11-22T23:00:00.000Z'))?.status).toBe('skipped');
  expect(lines.join('')).toContain('digest missed by more than the catch-up window; skipped');
  // Seen again a minute later: quiet, nothing sent, and the skip counted once at /metrics.
  const again = await runDueDigests(deps, new Date(at.getTime() + 60_000));
  expect(again.sent).toEqual([]);
  expect(posters.posted).toHaveLength(1);
  expect((await scrapedSample('meetbot_digests_total{outcome="skipped"}')) - skippedBefore).toBe(1);
});

test('a subscription made after this week’s due time waits for next week', async () => {
  store.close();
  store = await openStore('sqlite::memory:', { clock: () => new Date(due.getTime() + 60_000) });
  await store.saveDigestSubscription(berlin('C1'));
  const { posters, deps } = setup();
  const report = await runDueDigests(deps, new Date(due.getTime() + 120_000));
  expect(report).toMatchObject({ sent: [], failed: [], skipped: [] });
  expect(posters.posted).toEqual([]);
});

test('rate limits: Retry-After is honoured and the send retried with backoff', async () => {
  await store.saveDigestSubscription(berlin('C1'));
  const { posters, fake, deps } = setup();
  posters.fail('C1', [rateLimited(3000), rateLimited()]);
  const report = await runDueDigests(deps, due);
  expect(report.sent.map((s) => s.channelId)).toEqual(['C1']);
  expect(posters.attempts).toEqual(['C1', 'C1', 'C1']);
  expect(posters.posted).toHaveLength(1);
  // First wait: Retry-After (3 s) beats the 1 s backoff; second: the 2 s backoff.
  expect(fake.waits).toEqual(expect.arrayContaining([3000, 2000]));
});

test('a send that keeps failing is retried a bounded number of times, then marked failed with the reason', async () => {
  const sub = await store.saveDigestSubscription(berlin('C1'));
  const { posters, deps } = setup();
  posters.fail(
    'C1',
    Array.from({ length: 10 }, () => rateLimited()),
  );
  const report = await runDueDigests(deps, due);
  expect(posters.attempts).toHaveLength(4);
  expect(report.failed).toMatchObject([{ channelId: 'C1', error: 'platform_error: Slack answered 429' }]);
  expect(await store.getDigestRun(sub.id, periodStart)).toMatchObject({
    status: 'failed',
    error: 'platform_error: Slack answered 429',
  });
  // Failed is final: no second attempt at the next tick.
  expect((await runDueDigests(deps, new Date(due.getTime() + 60_000))).skipped).toMatchObject([
    { reason: 'already_failed' },
  ]);
  expect(posters.attempts).toHaveLength(4);
});

test('a channel where the bot was removed unsubscribes itself after a clear log line', async () => {
  await store.saveDigestSubscription(berlin('C-gone'));
  await store.saveDigestSubscription(berlin('C-ok'));
  const lines: string[] = [];
  const logger = createLogger({
    destination: new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const { posters, deps } = setup();
  posters.fail('C-gone', [botRemoved()]);
  const report = await runDueDigests({ ...deps, logger }, due);
  expect(report.failed).toMatchObject([{ channelId: 'C-gone', unsubscribed: true }]);
  expect(posters.attempts.filter((c) => c === 'C-gone')).toHaveLength(1);
  expect(await store.findDigestSubscription('slack', 'C-gone')).toBeUndefined();
  expect(await store.findDigestSubscription('slack', 'C-ok')).toBeDefined();
  const warning = lines.map((l) => JSON.parse(l)).find((l) => l.channelId === 'C-gone' && l.level === 40);
  expect(warning.msg).toContain('can no longer post in slack channel C-gone');
  expect(warning.msg).toContain('unsubscribing');
});

test('a Meet API failure claims nothing, so the next tick sends', async () => {
  const sub = await store.saveDigestSubscription(berlin('C1'));
  const { meet, posters, deps } = setup();
  meet.failUsage(1);
  const first = await runDueDigests(deps, due);
  expect(first.failed).toMatchObject([{ channelId: 'C1', error: 'Meet API: Meet API is down' }]);
  expect(await store.getDigestRun(sub.id, periodStart)).toBeUndefined();
  const second = await runDueDigests(deps, new Date(due.getTime() + 60_000));
  expect(second.sent.map((s) => s.channelId)).toEqual(['C1']);
  expect(posters.posted).toHaveLength(1);
});

test('a platform this process does not serve is left for one that does', async () => {
  const sub = await store.saveDigestSubscription(berlin('19:x', { platform: 'teams' }));
  const { deps } = setup();
  const report = await runDueDigests({ ...deps, posters: { slack: deps.posters.slack } }, due);
  expect(report.skipped).toMatchObject([{ channelId: '19:x', reason: 'platform_not_configured' }]);
  expect(await store.getDigestRun(sub.id, periodStart)).toBeUndefined();
});

describe('fan-out', () => {
  test('one usage and one feedback request per tenant and period, however many channels', async () => {
    for (let i = 0; i < 12; i++) await store.saveDigestSubscription(berlin(`C${i}`));
    for (let i = 0; i < 5; i++) await store.saveDigestSubscription(berlin(`U${i}`, { tenant: 'ACMEUK' }));
    // Another zone is another period: its own pair of requests.
    await store.saveDigestSubscription(berlin('NY', { timeZone: 'America/New_York', time: '03:00' }));
    const { meet, posters, deps } = setup();
    const report = await runDueDigests({ ...deps, options: { concurrency: 4 } }, due);
    expect(report.sent).toHaveLength(18);
    expect(posters.posted).toHaveLength(18);
    const keys = meet.calls.map((c) => `${c.kind} ${c.query.tenant} ${c.query.from}`);
    expect(keys.sort()).toEqual([
      'feedbacks ACME01 2026-11-29T23:00:00.000Z',
      'feedbacks ACME01 2026-11-30T05:00:00.000Z',
      'feedbacks ACMEUK 2026-11-29T23:00:00.000Z',
      'usage ACME01 2026-11-22T23:00:00.000Z',
      'usage ACME01 2026-11-23T05:00:00.000Z',
      'usage ACMEUK 2026-11-22T23:00:00.000Z',
    ]);
  });
});
