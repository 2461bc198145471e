import { runWatchTick, type WatchDeps } from '../../src/flows/watch-meets';
import { createSilentLogger } from '../../src/logger';
import { createMeetClient } from '../../src/meet/client';
import { createSlackApp } from '../../src/slack/app';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { eventually } from '../fixtures/eventually';
import { createTestSchema, type TestSchema } from '../store/postgres-test-schema';
import { type Harness, signingSecret, startHarness, waitForChannelMessage } from './slack-harness';

/**
 * Two replicas on one PostgreSQL tick at the same instants: each tenant's tick is claimed once, so
 * each change reaches the message once and the ratings reach the creator once, also across a
 * replica's restart.
 */

const minute = 60_000;
const logger = createSilentLogger();

let schema: TestSchema;
let h: Harness;
let now: Date;

beforeAll(async () => {
  schema = await createTestSchema();
  now = new Date();
  h = await startHarness({ watching: true, databaseUrl: schema.url, sandbox: { now: () => now } });
});
afterAll(async () => {
  await h.close();
  await schema.drop();
});

/** A replica: its own store connection, Meet client and Slack app, the same database and fakes. */
async function startReplica() {
  const store: Store = await openStore(schema.url);
  const meet = createMeetClient({ baseUrl: h.sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  const app = await createSlackApp({
    config: { signingSecret, apiUrl: h.slack.apiUrl, botToken: 'xoxb-test-token' },
    meet,
    store,
    logger,
    clock: () => now,
    sso: { domains: {} },
    defaultTimeZone: 'UTC',
  });
  const deps: WatchDeps = {
    store,
    meet,
    logger,
    clock: () => now,
    announcers: { slack: app.announcer },
    pollMs: minute,
  };
  return {
    tick: (at: Date) => runWatchTick(deps, at),
    async stop() {
      await app.stop();
      await meet.close();
      await store.close();
    },
  };
}

test('two replicas post each change once, and the ratings once, across a restart', async () => {
  await h.slash('interview <@UINT|ian> jane@example.com "Replicated" 30m');
  await waitForChannelMessage(h.slack, 'Replicated');
  const code = h.sandbox.meetings.at(-1)!.code;
  await eventually(async () => h.store.findWatch(code), 'the watch');

  let a = await startReplica();
  const b = await startReplica();
  const updates = () => h.slack.callsTo('chat.update').filter((c) => !c.error);
  const ratings = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UREC');
  const both = async (at: Date) => Promise.all([a.tick(at), b.tick(at)]);

  now = new Date(now.getTime() + 2 * minute);
  const [first, second] = await both(now);
  expect(first.polled + second.polled).toBe(1);
  expect(updates()).toHaveLength(1);
  expect(JSON.stringify(updates()[0].args)).toContain('Live');

  // Replica a restarts; what it knew is in the database.
  await a.stop();
  a = await startReplica();

  now = new Date(now.getTime() + 31 * minute);
  await both(now);
  expect(updates()).toHaveLength(2);
  expect(JSON.stringify(updates()[1].args)).toContain('Ended');

  now = new Date(now.getTime() + 2 * minute);
  await both(now);
  now = new Date(now.getTime() + minute);
  await both(now);
  expect(ratings()).toHaveLength(1);
  expect(updates()).toHaveLength(2);
  await a.stop();
  await b.stop();
});
