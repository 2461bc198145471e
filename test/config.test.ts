import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema, loadConfig } from '../src/config';

const root = join(__dirname, '..');
const variables = Object.keys(envSchema.shape);

describe('loadConfig', () => {
  test('an empty environment starts with the sandbox, SQLite and the documented defaults', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 3978,
      host: '0.0.0.0',
      useSandbox: true,
      databaseUrl: 'sqlite:./data/meetbot.db',
      digestTimeZone: 'UTC',
      logLevel: 'info',
      meet: { apiUrl: 'https://api.meet.rs' },
      sso: { domains: {} },
    });
    expect(result.config.slack).toBeUndefined();
    // No app id and no TEAMS_EMULATOR: Teams is off, /api/messages refuses every activity.
    expect(result.config.teams).toBeUndefined();
  });

  test('a full Slack, Teams and PostgreSQL setup is read into one config', () => {
    const result = loadConfig({
      PORT: '8080',
      MEET_CLIENT_KEY: 'key',
      MEET_CLIENT_SECRET: 'secret',
      SLACK_SIGNING_SECRET: 'signing',
      SLACK_BOT_TOKEN: 'xoxb-1',
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'pw',
      MICROSOFT_APP_TENANT_ID: '00000000-0000-0000-0000-000000000002',
      DATABASE_URL: 'postgres://bot@db:5432/meetbot',
      MEET_SSO_PROVIDER: 'Google',
      MEET_SSO_DOMAINS: 'Acme.com=microsoft, acme.io=google',
      DIGEST_TIME_ZONE: 'Europe/Berlin',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.useSandbox).toBe(false);
    expect(result.config.port).toBe(8080);
    expect(result.config.slack).toMatchObject({ signingSecret: 'signing', botToken: 'xoxb-1' });
    expect(result.config.teams).toEqual({
      mode: 'bot',
      appId: '00000000-0000-0000-0000-000000000001',
      appPassword: 'pw',
      tenantId: '00000000-0000-0000-0000-000000000002',
      appType: 'SingleTenant',
    });
    expect(result.config.sso).toEqual({
      defaultProvider: 'google',
      domains: { 'acme.com': 'microsoft', 'acme.io': 'google' },
    });
  });

  test('every bad variable is named in one message with what it should look like', () => {
    const result = loadConfig({
      PORT: 'eighty',
      MEET_API_URL: 'not a url',
      DATABASE_URL: 'mysql://x',
      MEET_SSO_DOMAINS: 'acme.com=okta',
      DIGEST_TIME_ZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of [
      'PORT',
      'MEET_API_URL',
      'DATABASE_URL',
      'MEET_SSO_DOMAINS',
      'DIGEST_TIME_ZONE',
      'LOG_LEVEL',
      'SLACK_BOT_TOKEN',
    ]) {
      expect(result.message).toContain(name);
    }
    expect(result.message).toContain('an IANA time zone, e.g. Europe/Berlin');
    expect(result.message).toContain('"acme.com=okta" is not DOMAIN=google or DOMAIN=microsoft');
    expect(result.message).not.toContain('xoxp-user-token');
  });

  test.each([
    [{ MEET_CLIENT_KEY: 'k' }, 'MEET_CLIENT_KEY and MEET_CLIENT_SECRET go together'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is unset'],
    [
      {
        SLACK_SIGNING_SECRET: 's',
        SLACK_CLIENT_ID: 'c',
        SLACK_CLIENT_SECRET: 'c',
        SLACK_STATE_SECRET: 's',
        SLACK_APP_TOKEN: 'xapp-1',
      },
      'SLACK_APP_TOKEN (Socket Mode) needs SLACK_BOT_TOKEN',
    ],
    [{ SLACK_SIGNING_SECRET: 's' }, 'Slack needs SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c' }, 'go together for the OAuth install'],
    [{ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TENANT_ID: 't' }, 'MICROSOFT_APP_PASSWORD is unset'],
    [{ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p' }, 'MICROSOFT_APP_TENANT_ID is unset'],
  ])('incomplete setups are refused: %j', (env, expected) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(expected);
  });

  test('METRICS_PORT turns /metrics on, on loopback unless METRICS_HOST says otherwise', () => {
    const off = loadConfig({});
    expect(off.ok && off.config.metrics).toBeUndefined();
    const on = loadConfig({ METRICS_PORT: '9464' });
    expect(on.ok && on.config.metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    const everywhere = loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' });
    expect(everywhere.ok && everywhere.config.metrics).toEqual({ port: 9464, host: '0.0.0.0' });
  });

  test('MEET_REMINDER_MINUTES: 10 by default, 0 for none, whole minutes up to a day', () => {
    const byDefault = loadConfig({});
    expect(byDefault.ok && byDefault.config.reminderMinutes).toBe(10);
    for (const [value, minutes] of [
      ['0', 0],
      ['30', 30],
      ['1440', 1440],
    ] as const) {
      const result = loadConfig({ MEET_REMINDER_MINUTES: value });
      expect(result.ok && result.config.reminderMinutes).toBe(minutes);
    }
    for (const bad of ['-5', '1441', '7.5', 'ten']) {
      const result = loadConfig({ MEET_REMINDER_MINUTES: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('MEET_REMINDER_MINUTES');
    }
  });

  test('TEAMS_EMULATOR=1 without an app id is the local Emulator mode; empty or 0 is off', () => {
    const on = loadConfig({ TEAMS_EMULATOR: '1' });
    expect(on.ok && on.config.teams).toEqual({ mode: 'emulator' });
    for (const off of ['', '0']) {
      const result = loadConfig({ TEAMS_EMULATOR: off });
      expect(result.ok && result.config.teams).toBeUndefined();
    }
  });

  test('TEAMS_EMULATOR must be 1 (or unset), not a lookalike', () => {
    const result = loadConfig({ TEAMS_EMULATOR: 'true' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('TEAMS_EMULATOR is invalid: expected 1 (local Bot Framework');
  });

  test('TEAMS_EMULATOR=1 with MICROSOFT_APP_ID is refused, naming both, along with the other problems', () => {
    const result = loadConfig({
      TEAMS_EMULATOR: '1',
      MICROSOFT_APP_ID: 'a',
      MICROSOFT_APP_PASSWORD: 'client-secret',
      MICROSOFT_APP_TYPE: 'MultiTenant',
      MEET_CLIENT_KEY: 'k',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('TEAMS_EMULATOR=1 and MICROSOFT_APP_ID exclude each other');
    expect(result.message).toContain('MEET_CLIENT_KEY and MEET_CLIENT_SECRET go together');
    expect(result.message).not.toContain('client-secret');
  });

  test('a MultiTenant bot needs no tenant id', () => {
    const result = loadConfig({
      MICROSOFT_APP_ID: 'a',
      MICROSOFT_APP_PASSWORD: 'p',
      MICROSOFT_APP_TYPE: 'MultiTenant',
    });
    expect(result.ok).toBe(true);
  });
});

describe('documentation of the settings', () => {
  test('the README table lists exactly the variables of the schema', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Settings'));
    const documented = new Set([...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual([...variables].sort());
  });

  test('.env.example lists exactly the variables of the schema', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...variables].sort());
  });
});
