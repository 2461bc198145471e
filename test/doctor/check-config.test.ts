import { checkConfig } from '../../src/doctor/check-config';
import { runDoctor } from '../../src/doctor/run-doctor';

describe('doctor: the configuration', () => {
  test('valid settings pass in one line that says what is turned on', () => {
    const { results, config } = checkConfig({
      DATABASE_URL: 'postgres://meetbot@db:5432/meetbot',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_BOT_TOKEN: 'xoxb-1',
    });
    expect(config).toBeDefined();
    expect(results).toEqual([
      {
        name: 'config',
        status: 'pass',
        message:
          'every setting is valid; Meet API: the embedded sandbox, store: PostgreSQL, Slack: one workspace, Teams: off',
      },
    ]);
  });

  test('each problem the server would refuse to start with is its own failed line', () => {
    const { results, config } = checkConfig({
      PORT: 'eighty',
      MEET_CLIENT_KEY: 'key-without-secret',
      MICROSOFT_APP_ID: '6f1c0000-0000-4000-8000-000000000001',
      MICROSOFT_APP_PASSWORD: 'pw',
    });
    expect(config).toBeUndefined();
    // The schema error (PORT) comes first and alone, as loadConfig reports it.
    expect(results).toEqual([
      {
        name: 'config',
        status: 'fail',
        message: 'PORT is invalid: expected a port number, e.g. 3978',
        fix: 'fix it in the environment or in .env (empty values count as unset)',
      },
    ]);
    const rules = checkConfig({
      MEET_CLIENT_KEY: 'key-without-secret',
      MICROSOFT_APP_ID: '6f1c0000-0000-4000-8000-000000000001',
      MICROSOFT_APP_PASSWORD: 'pw',
    }).results;
    expect(rules.map((r) => [r.status, r.message])).toEqual([
      [
        'fail',
        'MEET_CLIENT_KEY and MEET_CLIENT_SECRET go together: set both (real Meet API) or neither (embedded sandbox)',
      ],
      [
        'fail',
        'MICROSOFT_APP_TENANT_ID is unset: expected your Entra ID tenant id (needed with MICROSOFT_APP_TYPE=SingleTenant)',
      ],
    ]);
  });

  test('a misspelt setting, silently ignored by the server, is a warning with the name meant', () => {
    const { results } = checkConfig({ SLACK_SIGNING_SECRT: 'x', PATH: '/usr/bin', MEET_UNRELATED_THING: '1' });
    expect(results).toContainEqual({
      name: 'config',
      status: 'warn',
      message: 'SLACK_SIGNING_SECRT is not a meetbot setting, so it is ignored',
      fix: 'did you mean SLACK_SIGNING_SECRET? Rename it',
    });
    expect(results.filter((r) => r.status === 'warn')).toHaveLength(1);
  });

  test('with bad settings nothing else is checked, and each other part says why', async () => {
    const results = await runDoctor({ env: { DATABASE_URL: 'mysql://x', SLACK_BOT_TOKEN: 'xoxb-1' } });
    expect(results.filter((r) => r.status === 'fail').map((r) => r.message)).toEqual([
      'DATABASE_URL is invalid: expected sqlite:PATH, sqlite::memory: or postgres://user@host:5432/db',
    ]);
    expect(results.filter((r) => r.status === 'skip')).toEqual(
      ['store', 'meet', 'slack', 'teams', 'sso'].map((name) => ({
        name,
        status: 'skip',
        message: 'not checked: fix the settings above first',
      })),
    );
  });
});
