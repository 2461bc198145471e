import { request } from 'undici';
import { type RunningApp, startApp } from '../../src/app';
import { runWatchTick } from '../../src/flows/watch-meets';
import { createSilentLogger } from '../../src/logger';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { slackAppEnv, testConfig } from '../fixtures/app-env';
import { eventually } from '../fixtures/eventually';
import { type FakeBotConnector, startFakeBotConnector } from '../fixtures/fake-bot-connector';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { parseScrape } from '../fixtures/scrape';
import { addDefaultUsers, sendSlash, signingSecret, waitForChannelMessage } from './slack-harness';
import { activity, alice, bob, botAccount, mention } from './teams-harness';

/**
 * `GET /metrics` after an end-to-end run: the counts are what happened (Meets created and failed,
 * a redelivery stopped, Meet API calls by route and status, Slack acks, Teams activities, watcher
 * updates), the default process metrics are there, no label names a person, a code or a channel,
 * and the public port does not serve it.
 */

let sandbox: Sandbox;
let slack: FakeSlackApi;
let connector: FakeBotConnector;
let app: RunningApp;
let now: Date;

beforeAll(async () => {
  now = new Date();
  sandbox = await startSandbox({ now: () => now });
  slack = await startFakeSlackApi();
  addDefaultUsers(slack);
  connector = await startFakeBotConnector();
  connector.addMember(bob);
  connector.addMember(alice);
  const config = testConfig({ ...slackAppEnv(sandbox, slack, signingSecret), METRICS_PORT: '0', TEAMS_EMULATOR: '1' });
  app = await startApp({ config, logger: createSilentLogger(), scheduler: false });
});

afterAll(async () => {
  await app.close();
  await Promise.all([connector.close(), slack.close(), sandbox.close()]);
});

async function slash(text: string, triggerId: string): Promise<number> {
  return (await sendSlash(app.url, slack, text, { triggerId, responseId: triggerId })).status;
}

test('after a run, /metrics counts what happened, with bounded labels, on its own port only', async () => {
  // Slack: an interview, the same trigger again, a mistake, and a Meet API failure.
  expect(await slash('interview <@UINT|ian> jane@example.com "Counted"', 'trigger.m1')).toBe(200);
  await waitForChannelMessage(slack, 'Counted');
  expect(await slash('interview <@UINT|ian> jane@example.com "Counted"', 'trigger.m1')).toBe(200);
  // A person without an email: refused by the create use case (a typo never reaches it).
  expect(await slash('meeting <@UNOMAIL|ghost>', 'trigger.m2')).toBe(200);
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'trigger.m2'));
  sandbox.injectFault({ method: 'POST', path: '/v1/meetings', status: 500 });
  expect(await slash('meeting <@UBOB> "Doomed"', 'trigger.m3')).toBe(200);
  await slack.waitFor(() => slack.responses.find((r) => r.id === 'trigger.m3'));
  // A signature that does not match.
  const forged = await request(`${app.url}/slack/events`, {
    method: 'POST',
    headers: { 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00' },
    body: 'command=%2Fmeet',
  });
  await forged.body.dump();

  // Teams: a Meet from a message.
  const me = mention(botAccount);
  const al = mention(alice);
  const teams = await request(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      activity(connector, { text: `${me.text} meeting ${al.text} "Teams counted"`, entities: [me.entity, al.entity] }),
    ),
  });
  expect(teams.statusCode).toBe(200);
  await teams.body.dump();

  // The watcher: both Meets started.
  await eventually(async () => (await app.store.listOpenWatches()).length === 2, 'two watched Meets');
  now = new Date(now.getTime() + 2 * 60_000);
  const announcers = { slack: app.slack?.announcer, teams: app.teams?.announcer };
  await runWatchTick(
    { store: app.store, meet: app.meet, logger: createSilentLogger(), clock: () => now, announcers, pollMs: 60_000 },
    now,
  );

  const scrape = await request(app.metricsUrl ?? '');
  expect(scrape.statusCode).toBe(200);
  expect(scrape.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await scrape.body.text();
  const m = parseScrape(text);

  expect(m.get('meetbot_meets_created_total{platform="slack",template="interview"}')).toBe(1);
  expect(m.get('meetbot_meets_created_total{platform="teams",template="meeting"}')).toBe(1);
  expect(m.get('meetbot_meets_failed_total{platform="slack",template="meeting",reason="invalid"}')).toBe(1);
  expect(m.get('meetbot_meets_failed_total{platform="slack",template="meeting",reason="server_error"}')).toBe(1);
  expect(m.get('meetbot_idempotency_hits_total{platform="slack"}')).toBe(1);
  expect(m.get('meetbot_meet_api_requests_total{operation="POST /v1/meetings",status="201"}')).toBe(2);
  expect(m.get('meetbot_meet_api_requests_total{operation="POST /v1/meetings",status="500"}')).toBe(1);
  expect(m.get('meetbot_meet_api_requests_total{operation="GET /v1/usage/{tenant}",status="200"}')).toBe(1);
  expect(m.get('meetbot_meet_api_request_duration_seconds_count{operation="POST /v1/meetings"}')).toBe(3);
  expect(m.get('meetbot_meet_api_token_refreshes_total{outcome="ok"}')).toBe(1);
  expect(m.get('meetbot_slack_requests_total{status="200"}')).toBe(4);
  expect(m.get('meetbot_slack_requests_total{status="401"}')).toBe(1);
  expect(m.get('meetbot_slack_ack_duration_seconds_count')).toBe(4);
  expect(m.get('meetbot_teams_activities_total{type="message",status="200"}')).toBe(1);
  expect(m.get('meetbot_watcher_open_meets')).toBe(2);
  expect(m.get('meetbot_watcher_message_updates_total{platform="slack",state="live"}')).toBe(1);
  expect(m.get('meetbot_watcher_message_updates_total{platform="teams",state="live"}')).toBe(1);
  expect(m.get('meetbot_watcher_tenant_polls_total{outcome="ok"}')).toBe(1);
  expect([...m.keys()].some((k) => k.startsWith('meetbot_process_cpu_seconds_total'))).toBe(true);
  expect([...m.keys()].some((k) => k.startsWith('meetbot_nodejs_heap_size_used_bytes'))).toBe(true);

  // Bounded labels: no Meet code, user, channel, conversation or tenant in any label.
  const codes = sandbox.meetings.map((meeting) => meeting.code);
  for (const forbidden of [...codes, 'UREC', 'UINT', 'C0CHAN', '19:', '29:', 'ACME01', sandbox.url]) {
    expect(text).not.toContain(forbidden);
  }

  // Not on the public port.
  const publicPort = await request(`${app.url}/metrics`);
  expect(publicPort.statusCode).toBe(404);
  await publicPort.body.dump();
});
