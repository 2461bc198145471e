import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '../../src/doctor/check-result';
import { runDoctor } from '../../src/doctor/run-doctor';
import { botScopes, requestedBotScopes } from '../../src/slack/scopes';
import { openStore } from '../../src/store/open-store';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';

const signingSecret = '8f14e45fceea167a5a36dedd4bea2543';
const botToken = 'xoxb-1111-2222-doctortoken';

async function slackLines(env: Record<string, string>): Promise<CheckResult[]> {
  const results = await runDoctor({ env: { DATABASE_URL: 'sqlite::memory:', ...env } });
  return results.filter((r) => r.name.startsWith('slack'));
}

describe('doctor: Slack', () => {
  let slack: FakeSlackApi;
  let env: Record<string, string>;
  beforeEach(async () => {
    slack = await startFakeSlackApi();
    slack.grantedScopes = requestedBotScopes;
    env = { SLACK_API_URL: slack.apiUrl, SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken };
  });
  afterEach(() => slack.close());

  test('one workspace set up right: the secret, auth.test with the bot token, every scope', async () => {
    expect(await slackLines(env)).toEqual([
      { name: 'slack.signing-secret', status: 'pass', message: 'has the shape of a Slack signing secret' },
      { name: 'slack.auth', status: 'pass', message: 'SLACK_BOT_TOKEN works: Acme (T0001) as @meetbot' },
      {
        name: 'slack.scopes',
        status: 'pass',
        message: `every scope meetbot needs is granted (${botScopes.join(', ')})`,
      },
    ]);
    expect(slack.callsTo('auth.test').map((c) => c.token)).toEqual([botToken]);
  });

  test('a missing scope fails, naming it and how to get it', async () => {
    slack.grantedScopes = botScopes.filter((s) => s !== 'users:read.email');
    const scopes = (await slackLines(env)).find((r) => r.name === 'slack.scopes');
    expect(scopes).toEqual({
      name: 'slack.scopes',
      status: 'fail',
      message: 'the bot token lacks users:read.email (granted: commands, chat:write, chat:write.public, users:read)',
      fix: 'add them under OAuth & Permissions > Bot Token Scopes (or paste manifests/slack/manifest.json again), then Install App > Reinstall to Workspace',
    });
  });

  test('without calls:write only Slack Calls are lost: a warning that says so', async () => {
    slack.grantedScopes = botScopes;
    expect((await slackLines(env)).find((r) => r.name === 'slack.scopes')).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('calls:write (Meets do not show as Slack Calls'),
    });
  });

  test('a Slack that does not say the scopes is a warning', async () => {
    slack.grantedScopes = undefined;
    expect((await slackLines(env)).find((r) => r.name === 'slack.scopes')).toMatchObject({ status: 'warn' });
  });

  test('a refused bot token fails with where to copy it from; scopes are not judged', async () => {
    slack.failNext('auth.test', 'invalid_auth');
    expect(await slackLines(env)).toEqual([
      expect.objectContaining({ name: 'slack.signing-secret', status: 'pass' }),
      {
        name: 'slack.auth',
        status: 'fail',
        message: 'Slack refused SLACK_BOT_TOKEN: invalid_auth',
        fix: 'copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions; if the app was removed, install it again (Install App)',
      },
      { name: 'slack.scopes', status: 'skip', message: 'not checked: the bot token does not work' },
    ]);
  });

  test('a Slack API that cannot be reached fails with the reason', async () => {
    await slack.close();
    const auth = (await slackLines({ ...env, SLACK_API_URL: slack.apiUrl })).find((r) => r.name === 'slack.auth');
    expect(auth).toMatchObject({
      status: 'fail',
      message: `could not try SLACK_BOT_TOKEN: cannot reach ${slack.apiUrl}: connection refused`,
    });
    slack = await startFakeSlackApi();
  });

  test('a signing secret of another shape is a warning that never shows the value', async () => {
    const lines = await slackLines({ ...env, SLACK_SIGNING_SECRET: 'xoxb-pasted-the-wrong-thing' });
    expect(lines[0]).toEqual({
      name: 'slack.signing-secret',
      status: 'warn',
      message:
        'SLACK_SIGNING_SECRET is not 32 hex characters like Slack\'s signing secrets (it looks like a token): Slack\'s requests would be refused as "signature mismatch"',
      fix: 'copy Signing Secret from Basic Information > App Credentials (not the Client Secret, not a token)',
    });
    expect(JSON.stringify(lines)).not.toContain('pasted-the-wrong-thing');
  });

  test('Socket Mode: the app token may open a connection, and none is kept open', async () => {
    slack.socketModeUrl = () => 'wss://127.0.0.1:1/never-dialled';
    const lines = await slackLines({ ...env, SLACK_APP_TOKEN: 'xapp-1-doctor' });
    expect(lines.at(-1)).toEqual({
      name: 'slack.socket-mode',
      status: 'pass',
      message: 'SLACK_APP_TOKEN may open Socket Mode connections (none kept open)',
    });
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual(['xapp-1-doctor']);
  });

  test('Socket Mode refused: the reason and the fix', async () => {
    slack.socketModeUrl = () => 'wss://127.0.0.1:1/never-dialled';
    slack.failNext('apps.connections.open', 'missing_scope');
    const lines = await slackLines({ ...env, SLACK_APP_TOKEN: 'xapp-1-doctor' });
    expect(lines.at(-1)).toEqual({
      name: 'slack.socket-mode',
      status: 'fail',
      message: 'Slack refused SLACK_APP_TOKEN for Socket Mode: missing_scope',
      fix: 'the app-level token needs the connections:write scope: generate one with it (Basic Information > App-Level Tokens)',
    });
  });

  test('Slack off is a skip that says how to turn it on, not a failure', async () => {
    expect(await slackLines({})).toEqual([
      {
        name: 'slack',
        status: 'skip',
        message: 'Slack is off',
        fix: 'to turn it on set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (one workspace) or the SLACK_CLIENT_* variables (OAuth install)',
      },
    ]);
  });
});

describe('doctor: Slack OAuth install (many workspaces)', () => {
  let slack: FakeSlackApi;
  let dir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    slack = await startFakeSlackApi();
    dir = mkdtempSync(join(tmpdir(), 'meetbot-doctor-slack-'));
    env = {
      SLACK_API_URL: slack.apiUrl,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'state-secret-value',
      DATABASE_URL: `sqlite:${join(dir, 'meetbot.db')}`,
    };
  });
  afterEach(async () => {
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function install(teamId: string, name: string, token: string) {
    const store = await openStore(env.DATABASE_URL);
    await store.saveSlackInstallation({
      teamId,
      isEnterpriseInstall: false,
      installation: { team: { id: teamId, name }, bot: { token, scopes: [...botScopes] } },
    });
    await store.close();
  }

  test("each stored workspace's bot token is checked, with its own scopes", async () => {
    await install('T0001', 'Acme', 'xoxb-acme-token');
    await install('T0002', 'Beta', 'xoxb-beta-token');
    slack.grantedScopes = (token) => (token === 'xoxb-beta-token' ? ['commands', 'chat:write'] : requestedBotScopes);
    const lines = (await runDoctor({ env })).filter((r) => r.name.startsWith('slack'));
    expect(lines.slice(1)).toEqual([
      { name: 'slack.installations', status: 'pass', message: '2 workspace installation(s) stored' },
      {
        name: 'slack.install Acme (T0001)',
        status: 'pass',
        message: 'the bot token works and has every scope meetbot needs',
      },
      {
        name: 'slack.install Beta (T0002)',
        status: 'fail',
        message: 'the bot token lacks chat:write.public, users:read, users:read.email (granted: commands, chat:write)',
        fix: 'add them under OAuth & Permissions > Bot Token Scopes (or paste manifests/slack/manifest.json again), then install again at https://YOUR-HOST/slack/install (Slack asks for the new scopes)',
      },
    ]);
    expect(slack.callsTo('auth.test').map((c) => c.token)).toEqual(['xoxb-acme-token', 'xoxb-beta-token']);
  });

  test('a workspace whose token was revoked fails, naming the workspace', async () => {
    await install('T0001', 'Acme', 'xoxb-acme-token');
    slack.grantedScopes = requestedBotScopes;
    slack.failNext('auth.test', 'token_revoked');
    const line = (await runDoctor({ env })).find((r) => r.name.startsWith('slack.install '));
    expect(line).toEqual({
      name: 'slack.install Acme (T0001)',
      status: 'fail',
      message: 'Slack refused its bot token: token_revoked',
      fix: 'the workspace removed meetbot or revoked its token: install again at https://YOUR-HOST/slack/install (Slack asks for the new scopes), or ignore it if they left on purpose',
    });
  });

  test('no workspace installed yet is a warning with the install address', async () => {
    await (await openStore(env.DATABASE_URL)).close();
    const line = (await runDoctor({ env })).find((r) => r.name === 'slack.installations');
    expect(line).toEqual({
      name: 'slack.installations',
      status: 'warn',
      message: 'no workspace has installed meetbot yet',
      fix: 'open https://YOUR-HOST/slack/install in a browser and allow the app',
    });
    expect(slack.callsTo('auth.test')).toEqual([]);
  });
});
