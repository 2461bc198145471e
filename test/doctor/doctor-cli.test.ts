import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { requestedBotScopes } from '../../src/slack/scopes';
import { openStore } from '../../src/store/open-store';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { createTestSchema, type TestSchema } from '../store/postgres-test-schema';

const bin = join(__dirname, '..', '..', 'bin', 'meetbot.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `meetbot ARGS` as an operator runs it, with only these variables (and PATH). */
function meetbot(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const secrets = {
  meet: 'meet-secret-0f9e8d7c',
  signing: '8f14e45fceea167a5a36dedd4bea2543',
  bot: 'xoxb-4242-4343-botsecret',
  app: 'xapp-1-A1-appsecret',
  db: 'db-password-77aa',
};

/** A URL with a password (the test server trusts local connections, so it is never checked). */
function withPassword(url: string): string {
  const u = new URL(url);
  u.password = secrets.db;
  return u.toString();
}

function expectNoSecret(run: Run) {
  for (const value of Object.values(secrets)) {
    expect(run.stdout).not.toContain(value);
    expect(run.stderr).not.toContain(value);
  }
}

describe('meetbot doctor (the command)', () => {
  let sandbox: Sandbox;
  let slack: FakeSlackApi;
  let schema: TestSchema;
  let healthy: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ clientKey: 'meet-key', clientSecret: secrets.meet });
    slack = await startFakeSlackApi();
    slack.grantedScopes = requestedBotScopes;
    slack.socketModeUrl = () => 'wss://127.0.0.1:1/never-dialled';
    schema = await createTestSchema();
    await (await openStore(schema.url)).close();
    healthy = {
      MEET_API_URL: sandbox.url,
      MEET_CLIENT_KEY: 'meet-key',
      MEET_CLIENT_SECRET: secrets.meet,
      SLACK_API_URL: slack.apiUrl,
      SLACK_SIGNING_SECRET: secrets.signing,
      SLACK_BOT_TOKEN: secrets.bot,
      SLACK_APP_TOKEN: secrets.app,
      DATABASE_URL: withPassword(schema.url),
      MEET_SSO_DOMAINS: 'acme.com=microsoft',
    };
  });
  afterAll(async () => {
    await sandbox.close();
    await slack.close();
    await schema.drop();
  });

  test('a healthy setup: a line per check, exit 0, and no secret anywhere', async () => {
    const run = await meetbot(['doctor'], healthy);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, -2).map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'PASS config',
      'PASS store.reach',
      'PASS store.migrations',
      'PASS store.write',
      'PASS meet.token',
      'PASS meet.addon-configurations',
      'PASS meet.usage',
      'PASS slack.signing-secret',
      'PASS slack.auth',
      'PASS slack.scopes',
      'PASS slack.socket-mode',
      'SKIP teams',
      'PASS sso',
    ]);
    expect(lines.at(-1)).toBe('meetbot doctor: 12 passed, 0 warnings, 0 failed, 1 skipped.');
    expectNoSecret(run);
  });

  test('a broken setup: FAIL lines with what to fix, exit 1, and still no secret', async () => {
    slack.failNext('auth.test', 'invalid_auth');
    const run = await meetbot(['doctor'], {
      ...healthy,
      MEET_CLIENT_SECRET: `${secrets.meet}-old`,
      DATABASE_URL: `postgres://meetbot:${secrets.db}@127.0.0.1:1/meetbot`,
      SLACK_SIGNING_SECRET: secrets.bot,
    });
    expect(run.code).toBe(1);
    const failed = run.stdout.split('\n').filter((line) => line.startsWith('FAIL'));
    expect(failed.map((line) => line.split(/\s+/)[1])).toEqual(['store.reach', 'meet.token', 'slack.auth']);
    expect(run.stdout).toContain(
      'postgres://meetbot:***@127.0.0.1:1/meetbot: connection refused (ECONNREFUSED). Fix: check DATABASE_URL',
    );
    expect(run.stdout).toMatch(/^WARN {2}slack\.signing-secret .* Fix: copy Signing Secret/m);
    expect(run.stdout).toContain('fix the FAIL lines');
    expectNoSecret(run);
  });

  test('--json prints the results for scripts, with the same exit status', async () => {
    const run = await meetbot(['doctor', '--json'], {
      ...healthy,
      MEET_SSO_DOMAINS: 'acme.com=microsoft,acme.com=google',
    });
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ name: string; status: string; message: string }>;
    expect(results.find((r) => r.name === 'sso.domains')).toMatchObject({ status: 'fail' });
    expect(results.filter((r) => r.status === 'fail')).toHaveLength(1);
    expectNoSecret(run);
  });

  test('bad settings are FAIL lines of doctor (not a refusal to run); bad usage exits 2', async () => {
    const bad = await meetbot(['doctor'], { DATABASE_URL: 'sqlite::memory:', PORT: 'eighty' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^FAIL {2}config {2}PORT is invalid: expected a port number, e\.g\. 3978\./m);
    const usage = await meetbot(['doctor', '--verbose'], { DATABASE_URL: 'sqlite::memory:' });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: meetbot doctor [--json]');
  });
});
