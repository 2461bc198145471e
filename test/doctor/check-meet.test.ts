import { checkMeet } from '../../src/doctor/check-meet';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { meetEnv, testConfig } from '../fixtures/app-env';

describe('doctor: the Meet API', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox();
    env = meetEnv(sandbox);
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(() => sandbox.close());

  test('good credentials: a token, the addon configurations and the last day of usage, each read once', async () => {
    const before = sandbox.requests.length;
    const results = await checkMeet(testConfig(env), { timeoutMs: 5_000 });
    expect(results).toEqual([
      { name: 'meet.token', status: 'pass', message: `the Meet API at ${sandbox.url} accepts the key and secret` },
      {
        name: 'meet.addon-configurations',
        status: 'pass',
        message: expect.stringMatching(/^\d+ addon configurations readable$/),
      },
      {
        name: 'meet.usage',
        status: 'pass',
        message: expect.stringMatching(/^the usage report is readable \(\d+ records in the last 24 hours\)$/),
      },
    ]);
    const calls = sandbox.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual(['POST /v1/token', 'GET /v1/addonConfigurations', 'GET /v1/usage']);
    const usage = sandbox.requests.at(-1)!;
    expect(Date.parse(usage.query.to) - Date.parse(usage.query.from)).toBe(24 * 3600_000);
  });

  test('a refused secret fails the token with where to get the right one, and the rest is not tried', async () => {
    const results = await checkMeet(testConfig({ ...env, MEET_CLIENT_SECRET: 'wrong-secret-value' }), {
      timeoutMs: 5_000,
    });
    expect(results.map((r) => `${r.name}:${r.status}`)).toEqual([
      'meet.token:fail',
      'meet.addon-configurations:skip',
      'meet.usage:skip',
    ]);
    expect(results[0].message).toContain('refused the API key and secret');
    expect(results[0].fix).toContain('Meet Pro > Settings > Company profile');
    expect(JSON.stringify(results)).not.toContain('wrong-secret-value');
  });

  test('a usage report the API cannot serve fails alone, saying to try later', async () => {
    sandbox.injectFault({ path: '/v1/usage', status: 503, times: Number.POSITIVE_INFINITY });
    const results = await checkMeet(testConfig(env), { timeoutMs: 5_000 });
    expect(results.map((r) => `${r.name}:${r.status}`)).toEqual([
      'meet.token:pass',
      'meet.addon-configurations:pass',
      'meet.usage:fail',
    ]);
    expect(results[2]).toMatchObject({
      message: expect.stringContaining('answered 503'),
      fix: 'the Meet API has trouble right now: try again in a few minutes (meetbot retries by itself)',
    });
  });

  test('addon configurations refused with 403 name the missing permission', async () => {
    sandbox.injectFault({ path: '/v1/addonConfigurations', status: 403 });
    const results = await checkMeet(testConfig(env), { timeoutMs: 5_000 });
    expect(results[1]).toMatchObject({
      name: 'meet.addon-configurations',
      status: 'fail',
      fix: expect.stringContaining('the key lacks this permission'),
    });
  });

  test('an API that does not answer fails within the timeout instead of hanging', async () => {
    sandbox.injectFault({ path: '/v1/token', delayMs: 5_000 });
    const results = await checkMeet(testConfig(env), { timeoutMs: 300 });
    expect(results[0]).toEqual({
      name: 'meet.token',
      status: 'fail',
      message: `the Meet API at ${sandbox.url} gave no token: no answer within 300 ms`,
      fix: 'check MEET_API_URL, DNS, and that a firewall or proxy lets this host reach it',
    });
  });

  test('no credentials: a warning that the embedded sandbox stands in', async () => {
    const results = await checkMeet(testConfig({}), { timeoutMs: 5_000 });
    expect(results).toEqual([
      expect.objectContaining({
        name: 'meet',
        status: 'warn',
        message: expect.stringContaining('embedded Meet sandbox'),
      }),
    ]);
  });
});
