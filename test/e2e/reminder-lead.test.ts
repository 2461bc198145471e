import { type RunningApp, startApp } from '../../src/app';
import { createSilentLogger } from '../../src/logger';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { slackAppEnv, testConfig } from '../fixtures/app-env';
import { eventually } from '../fixtures/eventually';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { addDefaultUsers, sendSlash, signingSecret, waitForChannelMessage } from './slack-harness';

/**
 * MEET_REMINDER_MINUTES, from the environment to the channel: a whole meetbot (the composition
 * root reads the variable) reminds Meets for later that much before their start, and says so on
 * the message; `remind:` in the command still wins.
 */

const minute = 60_000;
let sandbox: Sandbox;
let slack: FakeSlackApi;
let app: RunningApp;

beforeAll(async () => {
  sandbox = await startSandbox();
  slack = await startFakeSlackApi();
  addDefaultUsers(slack);
  const config = testConfig({ ...slackAppEnv(sandbox, slack, signingSecret), MEET_REMINDER_MINUTES: '30' });
  app = await startApp({ config, logger: createSilentLogger(), scheduler: false });
});

afterAll(async () => {
  await app.close();
  await Promise.all([slack.close(), sandbox.close()]);
});

async function schedule(text: string, title: string) {
  const sent = await sendSlash(app.url, slack, text, { triggerId: `trigger.${title}`, responseId: title });
  expect(sent.status).toBe(200);
  const message = await waitForChannelMessage(slack, title);
  const meeting = sandbox.meetings.at(-1)!;
  const scheduled = await eventually(async () => app.store.findScheduled(meeting.code), 'the schedule');
  return { message, scheduled };
}

test('MEET_REMINDER_MINUTES=30: the reminder is set 30 minutes before and the message says so', async () => {
  const { message, scheduled } = await schedule('meeting <@UBOB> "Half hour ahead" in 3h', 'Half hour ahead');
  expect(scheduled.remindAt?.toISOString()).toBe(new Date(scheduled.startsAt.getTime() - 30 * minute).toISOString());
  expect(JSON.stringify(message.body)).toContain('Reminder in this thread 30m before');
});

test('remind: in the command wins over MEET_REMINDER_MINUTES', async () => {
  const { message, scheduled } = await schedule('meeting <@UBOB> "Five ahead" in 3h remind:5m', 'Five ahead');
  expect(scheduled.remindAt?.toISOString()).toBe(new Date(scheduled.startsAt.getTime() - 5 * minute).toISOString());
  expect(JSON.stringify(message.body)).toContain('Reminder in this thread 5m before');
});
