import { type RunningApp, startApp } from '../../src/app';
import { createSilentLogger } from '../../src/logger';
import { testConfig } from '../fixtures/app-env';
import { type FakeBotConnector, startFakeBotConnector } from '../fixtures/fake-bot-connector';
import { activity, botAccount, mention } from './teams-harness';

/**
 * Without MICROSOFT_APP_ID (and without TEAMS_EMULATOR=1) Teams is off: the whole app, as
 * `npm start` builds it, refuses every activity on /api/messages, even from loopback, where a
 * tunnel's or a local forwarder's connections arrive.
 */

let app: RunningApp;
let connector: FakeBotConnector;

beforeEach(async () => {
  const config = testConfig();
  expect(config.teams).toBeUndefined();
  app = await startApp({ config, logger: createSilentLogger(), scheduler: false });
  connector = await startFakeBotConnector();
});

afterEach(async () => {
  await app.close();
  await connector.close();
});

test.each([
  ['usage last week', 'the usage report'],
  ['configs', 'the addon configurations'],
  [`${mention(botAccount).text} "Coffee chat"`, 'a new Meet'],
])('%j (%s) gets 403 saying how to turn Teams on; no Meet API call, no Bot Connector call', async (text) => {
  const sandboxRequests = app.sandbox?.requests.length;
  const res = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      activity(connector, { text, entities: [mention(botAccount).entity], conversationType: 'personal' }),
    ),
  });

  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({
    error: expect.stringMatching(/^Teams is off: set MICROSOFT_APP_ID .*TEAMS_EMULATOR=1/),
  });
  expect(app.teams).toBeUndefined();
  expect(app.sandbox?.requests).toHaveLength(sandboxRequests ?? 0);
  expect(app.sandbox?.meetings).toEqual([]);
  expect(connector.requests).toEqual([]);
  expect(await app.store.findTeamsConversation('a:1on1-29:bob')).toBeUndefined();
});
