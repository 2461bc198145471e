import { Writable } from 'node:stream';
import { runDueDigests } from '../../src/digest/run-due';
import { periodBefore } from '../../src/digest/schedule';
import { createDigestSubscriptions } from '../../src/flows/digest-subscriptions';
import { createLogger } from '../../src/logger';
import { createMeetClient } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { createHttpServer, type HttpServer } from '../../src/server';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createTeamsBot, type TeamsBot } from '../../src/teams/app';
import { createFakeTimers } from '../digest/fixtures';
import { type FakeBotConnector, startFakeBotConnector } from '../fixtures/fake-bot-connector';
import { cardProblems } from '../teams/validate-card';
import { activity, bob, botAccount, mention } from './teams-harness';

/**
 * Digests on Teams end to end: `@Meet digest weekly …` in a channel through the real bot, then
 * `runDueDigests` sending through the real `sendToConversation` to the fake Bot Connector.
 */

const subscribedAt = new Date('2026-12-03T10:00:00Z');
const due = new Date('2026-12-07T08:00:00Z'); // Monday 09:00 in Berlin
const channelId = '19:general@thread.tacv2';

let sandbox: Sandbox;
let connector: FakeBotConnector;
let store: Store;
let meet: MeetApi;
let bot: TeamsBot;
let server: HttpServer;
let url: string;
let logLines: Array<Record<string, unknown>>;
let timers: ReturnType<typeof createFakeTimers>;

beforeEach(async () => {
  logLines = [];
  timers = createFakeTimers();
  sandbox = await startSandbox({ now: () => due });
  connector = await startFakeBotConnector();
  connector.addMember(bob);
  store = await openStore('sqlite::memory:', { clock: () => subscribedAt });
  meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  bot = createTeamsBot({
    config: { mode: 'emulator' },
    meet,
    store,
    logger,
    clock: () => subscribedAt,
    defaultTimeZone: 'UTC',
    digests: createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger }),
  });
  server = createHttpServer({ routes: bot.routes, logger });
  ({ url } = await server.listen(0, '127.0.0.1'));
});

afterEach(async () => {
  await server.close();
  await bot.stop();
  await meet.close();
  await store.close();
  await connector.close();
  await sandbox.close();
});

async function say(text: string): Promise<void> {
  const at = mention(botAccount);
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(connector, { text: `${at.text} ${text}`, entities: [at.entity] })),
  });
  expect(res.status).toBeLessThan(300);
}

/** Every log line as parsed JSON, so tests can look for the one that explains a failure. */
const logger = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
});

const run = (at: Date) =>
  runDueDigests(
    {
      store,
      meet,
      posters: { teams: bot.digestPoster },
      clock: () => at,
      logger,
      timers: timers.timers,
    },
    at,
  );

test('subscribe in a channel, then the digest card arrives once with the week’s figures', async () => {
  await say('digest weekly tz:Europe/Berlin tenant:ACME01');
  const [confirmation] = await connector.waitForSent(1);
  expect(JSON.stringify(confirmation.activity)).toContain(
    'This channel will get the weekly Meet digest every Monday at 09:00 (Europe/Berlin) for tenant ACME01',
  );
  expect(await store.findDigestSubscription('teams', channelId)).toBeDefined();

  const report = await run(due);
  expect(report.sent).toMatchObject([{ channelId }]);
  const sent = await connector.waitForSent(2);
  const digest = sent[1];
  expect(digest.conversationId).toBe(channelId);
  expect(digest.id).toBe(report.sent[0].messageId);
  const card = digest.activity.attachments[0].content;
  expect(cardProblems(card)).toEqual([]);

  const period = periodBefore(due, 'Europe/Berlin');
  const records = await meet.getUsage({
    tenant: 'ACME01',
    from: period.start.toISOString(),
    to: new Date(period.end.getTime() - 1).toISOString(),
  });
  expect(records.length).toBeGreaterThan(0);
  expect(digest.activity.summary).toContain(`ACME01, Mon 30 Nov – Sun 6 Dec 2026: ${records.length} Meets`);
  // biome-ignore lint/suspicious/noExplicitAny: card JSON
  const facts = card.body.find((b: any) => b.type === 'FactSet').facts;
  expect(facts[0]).toMatchObject({ title: 'Meets' });
  expect(facts[0].value).toMatch(new RegExp(`^${records.length} \\(`));

  await run(due);
  expect(connector.sent).toHaveLength(2);
});

/** Posts of new messages to the channel (replies go to …/activities/{replyToId}). */
const toChannel = () =>
  connector.requests.filter(
    (r) => r.method === 'POST' && r.path.endsWith(`${encodeURIComponent(channelId)}/activities`),
  );

test('a channel the bot was removed from (403): logged, unsubscribed, reference deleted, no card to anyone', async () => {
  await say('digest weekly tz:Europe/Berlin tenant:ACME01');
  await connector.waitForSent(1);
  connector.injectFailure({ status: 403, pathIncludes: '/activities' });

  const report = await run(due);

  expect(report.sent).toEqual([]);
  expect(report.failed).toMatchObject([{ channelId, unsubscribed: true }]);
  expect(report.failed[0].error).toMatch(/^not_found/);
  expect(await store.findDigestSubscription('teams', channelId)).toBeUndefined();
  expect(await store.findTeamsConversation(channelId)).toBeUndefined();
  expect(logLines.some((l) => l.conversationId === channelId && /bot removed/.test(String(l.msg)))).toBe(true);
  expect(logLines.some((l) => String(l.msg).includes('unsubscribing'))).toBe(true);
  // Only the subscription's confirmation: no failure card, privately or otherwise, no 1:1 chat opened.
  expect(connector.sent).toHaveLength(1);
  expect(connector.conversations).toEqual([]);
  expect(toChannel()).toHaveLength(1);

  // Removed means removed: the next week does not try again.
  await run(new Date(due.getTime() + 7 * 24 * 3600_000));
  expect(toChannel()).toHaveLength(1);
});

test('a 429 is waited out by the digest run (Retry-After), and the digest is posted once', async () => {
  await say('digest weekly tz:Europe/Berlin tenant:ACME01');
  await connector.waitForSent(1);
  connector.injectFailure({ status: 429, pathIncludes: '/activities', headers: { 'retry-after': '7' } });

  const report = await run(due);

  expect(report.failed).toEqual([]);
  expect(report.sent).toMatchObject([{ channelId }]);
  expect(timers.waits).toContain(7000);
  // The rejected post and the one retry after Retry-After: never a blind second post.
  expect(toChannel()).toHaveLength(2);
  const digests = connector.sent.filter((s) => s.conversationId === channelId && !s.replyToId);
  expect(digests).toHaveLength(1);
  expect(digests[0].id).toBe(report.sent[0].messageId);
});

test('a 500 from the Bot Connector is one request and a platform_error, not a hidden retry', async () => {
  await say('digest weekly tz:Europe/Berlin tenant:ACME01');
  await connector.waitForSent(1);
  connector.injectFailure({ status: 500, pathIncludes: '/activities' });
  await expect(bot.sendToConversation(channelId, { text: 'x' })).rejects.toMatchObject({
    name: 'AppError',
    code: 'platform_error',
  });
  expect(toChannel()).toHaveLength(1);
  expect(connector.sent).toHaveLength(1);
  expect(await store.findTeamsConversation(channelId)).toBeDefined();
});
