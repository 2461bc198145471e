import { runReminderTick } from '../../src/flows/reminders';
import { createSilentLogger } from '../../src/logger';
import { createSlackApp } from '../../src/slack/app';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { eventually } from '../fixtures/eventually';
import { createTestSchema, type TestSchema } from '../store/postgres-test-schema';
import { type Harness, signingSecret, startHarness, waitForChannelMessage } from './slack-harness';

/**
 * Two replicas on one PostgreSQL tick at the same instants, one of them restarting in between: each
 * Meet for later's reminder reaches its thread exactly once, at its minute.
 */

const minute = 60_000;
const logger = createSilentLogger();

let schema: TestSchema;
let h: Harness;

beforeAll(async () => {
  schema = await createTestSchema();
  h = await startHarness({ databaseUrl: schema.url });
});
afterAll(async () => {
  await h.close();
  await schema.drop();
});

/** A replica: its own store connection and Slack app, the same database and fakes. */
async function startReplica() {
  const store: Store = await openStore(schema.url);
  const app = await createSlackApp({
    config: { signingSecret, apiUrl: h.slack.apiUrl, botToken: 'xoxb-test-token' },
    meet: h.meet,
    store,
    logger,
    clock: () => new Date(),
    sso: { domains: {} },
    defaultTimeZone: 'UTC',
  });
  return {
    tick: (at: Date) => runReminderTick({ store, logger, announcers: { slack: app.announcer } }, at),
    async stop() {
      await app.stop();
      await store.close();
    },
  };
}

test('two replicas send each reminder once, at its minute, across a restart', async () => {
  await h.slash('interview <@UINT|ian> jane@example.com "Replicated later" in 2h 30m');
  await waitForChannelMessage(h.slack, 'Replicated later');
  await h.slash('meeting <@UBOB> "Second later" in 3h');
  await waitForChannelMessage(h.slack, 'Second later');
  const [first, second] = await Promise.all(
    h.sandbox.meetings.map((m) => eventually(async () => h.store.findScheduled(m.code), `the schedule of ${m.code}`)),
  );
  const reminders = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts !== undefined);
  const threadOf = async (code: string) => {
    const message = (await h.store.findScheduled(code))?.message as { ts: string };
    return message.ts;
  };

  let a = await startReplica();
  const b = await startReplica();
  const both = async (at: Date) => {
    const [x, y] = await Promise.all([a.tick(at), b.tick(at)]);
    return x.sent + y.sent;
  };

  expect(await both(new Date(first.remindAt!.getTime() - minute))).toBe(0);
  expect(reminders()).toHaveLength(0);

  // Replica a restarts; what it knew is in the database.
  await a.stop();
  a = await startReplica();

  expect(await both(first.remindAt!)).toBe(1);
  expect(reminders()).toHaveLength(1);
  expect(reminders()[0].args.thread_ts).toBe(await threadOf(first.code));

  await a.stop();
  a = await startReplica();
  expect(await both(new Date(first.remindAt!.getTime() + minute))).toBe(0);
  expect(await both(second.remindAt!)).toBe(1);
  expect(await both(second.remindAt!)).toBe(0);
  expect(reminders()).toHaveLength(2);
  expect(reminders()[1].args.thread_ts).toBe(await threadOf(second.code));
  expect((await h.store.findScheduled(first.code))?.reminder).toBe('sent');
  expect((await h.store.findScheduled(second.code))?.reminder).toBe('sent');
  await a.stop();
  await b.stop();
});
