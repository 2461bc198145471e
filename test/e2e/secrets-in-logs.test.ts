import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { type FakeBotConnector, startFakeBotConnector } from '../fixtures/fake-bot-connector';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { createLogCapture, type LogCapture, passcodesSentTo } from '../fixtures/log-capture';
import { addDefaultUsers, sign, signingSecret } from './slack-harness';
import { activity, alice, bob, botAccount, mention } from './teams-harness';

/**
 * meetbot at LOG_LEVEL=debug, started the way `npm start` starts it (startApp from the
 * environment), through the flows whose library log lines carried secrets: Bolt's OAuth code
 * exchange (the WebClient logged the request body with `client_secret`), a slash command and a
 * form that create Meets with passcodes (the form's private reply goes out as
 * `chat.postEphemeral`, whose body the WebClient logged with every passcode), and a Teams create.
 * No configured secret, token or passcode may appear in any captured line.
 */

const secrets = {
  MEET_CLIENT_KEY: 'meet-key-e2e',
  MEET_CLIENT_SECRET: 'meet-client-secret-e2e-4a7f',
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_BOT_TOKEN: 'xoxb-configured-bot-token-0001',
  SLACK_CLIENT_SECRET: 'slack-client-secret-e2e-9c2d',
  SLACK_STATE_SECRET: 'slack-state-secret-e2e-5b1e',
  MICROSOFT_APP_PASSWORD: 'ms-app-password~e2e.7Qx',
};
// Letters and digits: the one rule for guest passcodes (core/limits.ts), typed or filled in.
const typedPasscodes = ['Gu3stPass42', 'Ses4meOpen77'];

describe('secrets never reach the logs, at debug level, from any library', () => {
  let sandbox: Sandbox;
  let slack: FakeSlackApi;
  let connector: FakeBotConnector;
  let capture: LogCapture;
  let app: RunningApp;

  beforeAll(async () => {
    sandbox = await startSandbox({ clientKey: secrets.MEET_CLIENT_KEY, clientSecret: secrets.MEET_CLIENT_SECRET });
    slack = await startFakeSlackApi();
    addDefaultUsers(slack);
    connector = await startFakeBotConnector();
    connector.addMember(bob);
    connector.addMember(alice);
    const loaded = loadConfig({
      ...secrets,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite::memory:',
      MEET_API_URL: sandbox.url,
      SLACK_CLIENT_ID: '111.222',
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'debug',
      // Teams answers this machine's unauthenticated activities (the fake connector is on loopback).
      TEAMS_EMULATOR: '1',
    });
    if (!loaded.ok) throw new Error(loaded.message);
    capture = createLogCapture(loaded.config.logLevel);
    app = await startApp({ config: loaded.config, logger: capture.logger, scheduler: false });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([connector?.close(), slack?.close(), sandbox?.close()]);
  });

  async function slackRequest(body: string, contentType: string) {
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(`${app.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(body, timestamp),
      },
      body,
    });
    expect(response.status).toBe(200);
  }

  test('OAuth install, a slash command, a form and a Teams message: no secret in any line', async () => {
    // 1. The OAuth install: Bolt exchanges the code with client_id and client_secret.
    const install = await fetch(`${app.url}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0];
    const callback = await fetch(`${app.url}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(callback.status).toBeLessThan(400);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(1);

    // 2. A slash command with a typed guest passcode and a generated one for the candidate.
    const responseUrl = slack.responseUrl('slash');
    await slackRequest(
      new URLSearchParams({
        team_id: slack.team.id,
        channel_id: 'C0CHAN',
        user_id: 'UREC',
        command: '/meet',
        text: `interview <@UINT|ian> jane@example.com guests:${typedPasscodes[0]} "Backend interview"`,
        response_url: responseUrl,
        trigger_id: 'trigger.slash',
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'slash' && r.body.response_type === 'ephemeral'));

    // 3. The form, with no response_url: its private reply is chat.postEphemeral.
    const values: Record<string, unknown> = {
      template: { type: 'static_select', selected_option: { value: 'interview' } },
      channel: { type: 'conversations_select', selected_conversation: 'C0CHAN' },
      title: { type: 'plain_text_input', value: 'Design review' },
      people: { type: 'multi_users_select', selected_users: ['UINT'] },
      emails: { type: 'plain_text_input', value: 'jane@example.com' },
      guests: { type: 'radio_buttons', selected_option: { value: 'passcode' } },
      guest_passcode: { type: 'plain_text_input', value: typedPasscodes[1] },
    };
    const stateValues = Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value }]));
    await slackRequest(
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'view_submission',
          team: { id: slack.team.id, domain: 'acme' },
          user: { id: 'UREC', name: 'rita', team_id: slack.team.id },
          api_app_id: 'A0001',
          trigger_id: 'trigger.form',
          view: {
            id: 'VFORM',
            team_id: slack.team.id,
            type: 'modal',
            callback_id: 'create_meet',
            private_metadata: '{"channelId":"C0CHAN"}',
            state: { values: stateValues },
            blocks: [],
          },
          response_urls: [],
        }),
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    await slack.waitFor(() => slack.callsTo('chat.postEphemeral').length > 0);

    // 4. Teams: an interview with a generated passcode for the candidate.
    const me = mention(botAccount);
    const al = mention(alice);
    const teams = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        activity(connector, {
          text: `${me.text} interview ${al.text} candidate@x.com "Backend L2"`,
          entities: [me.entity, al.entity],
        }),
      ),
    });
    expect(teams.status).toBe(200);
    await connector.waitForSent(2);

    const passcodes = passcodesSentTo(sandbox);
    expect(passcodes).toEqual(expect.arrayContaining(typedPasscodes));
    expect(passcodes.length).toBeGreaterThanOrEqual(5);
    // The lines that carried them are still logged (debug level works), only without the secrets.
    const messages = capture.entries.map((e) => String(e.msg));
    expect(messages.some((m) => m.startsWith('http request body') && m.includes('client_id'))).toBe(true);
    expect(messages.some((m) => m.startsWith('http request body') && m.includes('Your Meet is ready'))).toBe(true);
    expect(capture.lines.length).toBeGreaterThan(50);

    expect(capture.leaks([...Object.values(secrets), ...passcodes])).toEqual([]);
  });
});

describe("botbuilder's console output goes through the same logger", () => {
  const appPassword = 'ms-app-password~console.9Zq';
  let capture: LogCapture;
  let app: RunningApp;
  let closed = false;
  const consoleError = console.error;

  beforeAll(async () => {
    const loaded = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite::memory:',
      MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
      MICROSOFT_APP_PASSWORD: appPassword,
      MICROSOFT_APP_TENANT_ID: 'aaaaaaaa-2222-4333-8444-555555555555',
    });
    if (!loaded.ok) throw new Error(loaded.message);
    capture = createLogCapture('info');
    app = await startApp({ config: loaded.config, logger: capture.logger, scheduler: false });
  });
  afterAll(async () => {
    if (!closed) await app?.close();
  });

  test('a refused token is one log line without the token; what a library prints to the console is one scrubbed JSON line', async () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: 'https://forger.example', aud: 'x' })}.c2ln`;
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({
        type: 'message',
        id: 'forged-1',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        conversation: { id: '19:general@thread.tacv2' },
        from: { id: '29:bob' },
        recipient: botAccount,
        text: 'hi',
      }),
    });
    expect(response.status).toBe(401);

    // Refused before botbuilder's adapter runs (http-shim.ts): one line with the reason.
    expect(capture.entries.filter((e) => String(e.msg).startsWith('teams: refused'))).toHaveLength(1);
    // botbuilder prints to the console (e.g. jwtTokenExtractor's "Error finding key for token"):
    // such lines become JSON lines of the same logger, scrubbed like everything else.
    console.error(new Error(`connecting with password ${appPassword} and token ${forged}`));
    const printed = capture.entries.at(-1);
    expect(printed).toMatchObject({ component: 'console', level: 50 });
    expect(String((printed?.err as { stack?: string } | undefined)?.stack)).toMatch(/\n\s+at /);
    expect(capture.leaks([appPassword, forged])).toEqual([]);
  });

  test('stopping the app gives the console back', async () => {
    expect(console.error).not.toBe(consoleError);
    closed = true;
    await app.close();
    expect(console.error).toBe(consoleError);
  });
});
