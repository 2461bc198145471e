import { runDueDigests } from '../../src/digest/run-due';
import { periodBefore } from '../../src/digest/schedule';
import { createDigestSubscriptions } from '../../src/flows/digest-subscriptions';
import { createSilentLogger } from '../../src/logger';
import { createMeetClient } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { createHttpServer, type HttpServer } from '../../src/server';
import { createSlackApp, type SlackApp } from '../../src/slack/app';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createFakeTimers } from '../digest/fixtures';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { formatIn, thursdayThenMonday } from '../fixtures/instants';
import { scrapedSample } from '../fixtures/scrape';
import { sendSlash } from './slack-harness';

/**
 * Digests on Slack end to end: `/meet digest weekly` through the real Slack app, then
 * `runDueDigests` posting through the real `postMessage` to the fake Slack Web API, with figures
 * from the Meet sandbox.
 */

// A Thursday and the Monday 09:00 (Berlin) after it, both ahead of the real clock: see instants.ts.
const { subscribedAt, due } = thursdayThenMonday();
const logger = createSilentLogger();

let sandbox: Sandbox;
let slack: FakeSlackApi;
let store: Store;
let meet: MeetApi;
let app: SlackApp;
let server: HttpServer;
let url: string;

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => due });
  slack = await startFakeSlackApi();
  store = await openStore('sqlite::memory:', { clock: () => subscribedAt });
  meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  app = await createSlackApp({
    config: { signingSecret: 'test-signing-secret-0123456789', apiUrl: slack.apiUrl, botToken: 'xoxb-test-token' },
    meet,
    store,
    logger,
    clock: () => subscribedAt,
    sso: { domains: {} },
    defaultTimeZone: 'UTC',
    digests: createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger }),
  });
  server = createHttpServer({ routes: app.routes, logger });
  ({ url } = await server.listen(0, '127.0.0.1'));
});

afterEach(async () => {
  await server.close();
  await app.stop();
  await meet.close();
  await store.close();
  await slack.close();
  await sandbox.close();
});

let seq = 0;
async function slash(text: string, channelId: string): Promise<string> {
  const responseId = `r${++seq}`;
  // The receiver checks the timestamp against the app clock.
  const sent = await sendSlash(url, slack, text, {
    channelId,
    responseId,
    triggerId: `t.${seq}`,
    timestamp: Math.floor(subscribedAt.getTime() / 1000),
  });
  const answer = sent.body;
  // The reply comes in the HTTP answer or on the response_url.
  if (answer.trim()) return answer;
  const posted = await slack.waitFor(() => slack.responses.find((r) => r.id === responseId));
  return JSON.stringify(posted.body);
}

let waits: number[] = [];
const run = (at: Date) => {
  const fake = createFakeTimers();
  waits = fake.waits;
  return runDueDigests(
    { store, meet, posters: { slack: app.digestPoster }, clock: () => at, logger, timers: fake.timers },
    at,
  );
};

/** The Meets of the ACME01 tenant in the digest's week, straight from the sandbox. */
async function meetsInWeek(): Promise<number> {
  const period = periodBefore(due, 'Europe/Berlin');
  const records = await meet.getUsage({
    tenant: 'ACME01',
    from: period.start.toISOString(),
    to: period.end.toISOString(),
  });
  return records.filter((r) => Date.parse(r.createdAt) < period.end.getTime()).length;
}

test('subscribe with /meet digest weekly, then the digest arrives once in the channel with the week’s figures', async () => {
  const reply = await slash('digest weekly monday 09:00 tz:Europe/Berlin tenant:ACME01', 'C0DIGEST');
  expect(reply).toContain('This channel will get the weekly Meet digest every Monday at 09:00 (Europe/Berlin)');
  expect(reply).toContain(`next: ${formatIn(due, 'EEE d MMM yyyy HH:mm', 'Europe/Berlin')}`);

  const sentBefore = await scrapedSample('meetbot_digests_total{outcome="sent"}');
  const report = await run(due);
  expect(report.sent).toHaveLength(1);
  const posts = slack.callsTo('chat.postMessage');
  expect(posts).toHaveLength(1);
  const { args } = posts[0];
  expect(args.channel).toBe('C0DIGEST');
  expect(posts[0].error).toBeUndefined();
  const count = await meetsInWeek();
  expect(count).toBeGreaterThan(0);
  const week = periodBefore(due, 'Europe/Berlin');
  const sunday = new Date(week.end.getTime() - 60_000);
  const sameYear = formatIn(week.start, 'yyyy', 'Europe/Berlin') === formatIn(sunday, 'yyyy', 'Europe/Berlin');
  const left = formatIn(week.start, sameYear ? 'EEE d MMM' : 'EEE d MMM yyyy', 'Europe/Berlin');
  const days = `${left} – ${formatIn(sunday, 'EEE d MMM yyyy', 'Europe/Berlin')}`;
  expect(String(args.text)).toContain(`ACME01, ${days}: ${count} Meets`);
  const blocks = JSON.stringify(args.blocks);
  expect(blocks).toContain(`*Meets*\\n${count} (`);
  expect(blocks).toContain('Meets per day');

  // The same instant again (a second `meetbot digest run`): nothing more reaches Slack.
  await run(due);
  expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  // What the operator's DigestsFailing alert reads: one sent, counted once.
  expect((await scrapedSample('meetbot_digests_total{outcome="sent"}')) - sentBefore).toBe(1);
});

test('a 429 from Slack is retried after Retry-After; a removed bot unsubscribes the channel', async () => {
  await slash('digest weekly tz:Europe/Berlin tenant:ACME01', 'C0BUSY');
  await slash('digest weekly tz:Europe/Berlin tenant:ACME01', 'C0OTHER');
  slack.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '2' } });
  const report = await run(due);
  expect(report.failed).toEqual([]);
  expect(report.sent.map((s) => s.channelId).sort()).toEqual(['C0BUSY', 'C0OTHER']);
  const posts = slack.callsTo('chat.postMessage');
  expect(posts).toHaveLength(3);
  expect(posts.filter((p) => p.error)).toHaveLength(1);
  expect(waits).toContain(2000); // Retry-After: 2

  slack.failNext('chat.postMessage', 'channel_not_found');
  await slash('digest weekly tz:Europe/Berlin tenant:ACME01', 'C0LEFT');
  const failedBefore = await scrapedSample('meetbot_digests_total{outcome="failed"}');
  const next = await run(new Date(due.getTime() + 60_000));
  expect(next.failed).toMatchObject([{ channelId: 'C0LEFT', unsubscribed: true }]);
  expect((await scrapedSample('meetbot_digests_total{outcome="failed"}')) - failedBefore).toBe(1);
  expect(await store.findDigestSubscription('slack', 'C0LEFT')).toBeUndefined();
  expect(await slash('digest', 'C0LEFT')).toContain('not subscribed');
});
