import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { call, getToken } from './helpers';

describe('sandbox faults', () => {
  let sandbox: Sandbox;
  let token: string;

  beforeEach(async () => {
    sandbox = await startSandbox({ seed: false });
    token = await getToken(sandbox);
  });
  afterEach(() => sandbox.close());

  const create = () => call(sandbox, 'POST', '/v1/meetings', { token, body: {} });

  it('answers the fault status with its headers, a ProblemDetails body, then handles normally', async () => {
    sandbox.injectFault({ path: '/v1/meetings', status: 429, headers: { 'retry-after': '1' }, times: 2 });
    for (let i = 0; i < 2; i++) {
      const limited = await create();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    }
    expect(sandbox.meetings).toHaveLength(0);
    expect((await create()).status).toBe(201);
    expect(sandbox.meetings).toHaveLength(1);
  });

  it('answers the fault body when one is given, once by default', async () => {
    sandbox.injectFault({ path: '/v1/meetings', status: 503, body: { message: 'maintenance' } });
    const failed = await create();
    expect(failed).toMatchObject({ status: 503, body: { message: 'maintenance' } });
    expect((await create()).status).toBe(201);
  });

  it('answers a raw string body under a non-JSON content type, like a proxy error page', async () => {
    sandbox.injectFault({
      path: '/v1/meetings',
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<html>Bad gateway</html>',
    });
    const failed = await create();
    expect(failed).toMatchObject({ status: 502, body: '<html>Bad gateway</html>' });
    expect(failed.headers.get('content-type')).toBe('text/html');
  });

  it('matches the method and a RegExp path', async () => {
    sandbox.injectFault({ method: 'get', path: /^\/v1\/addonConfigurations/, status: 500, times: Infinity });
    expect((await create()).status).toBe(201);
    expect((await call(sandbox, 'GET', '/v1/addonConfigurations', { token })).status).toBe(500);
    expect((await call(sandbox, 'GET', '/v1/addonConfigurations/x', { token })).status).toBe(500);
    expect((await call(sandbox, 'GET', '/v1/addonConfigurations', { token })).status).toBe(500);
    sandbox.clearFaults();
    expect((await call(sandbox, 'GET', '/v1/addonConfigurations', { token })).status).toBe(200);
  });

  it('applies to the token endpoint too', async () => {
    sandbox.injectFault({ path: '/v1/token', status: 500 });
    await expect(getToken(sandbox)).rejects.toThrow('token: 500');
    await expect(getToken(sandbox)).resolves.toEqual(expect.any(String));
  });

  it('delays, then handles normally when there is no status', async () => {
    sandbox.injectFault({ path: '/v1/meetings', delayMs: 30 });
    expect((await create()).status).toBe(201);
    expect(sandbox.meetings).toHaveLength(1);
  });

  it('drops the connection without an answer, and the request is still recorded', async () => {
    sandbox.injectFault({ path: '/v1/meetings', drop: true });
    await expect(create()).rejects.toThrow();
    expect(sandbox.meetings).toHaveLength(0);
    expect(sandbox.requests.filter((r) => r.path === '/v1/meetings')).toHaveLength(1);
    expect((await create()).status).toBe(201);
  });

  it('refuses a fault that would never apply', () => {
    expect(() => sandbox.injectFault({ path: '/v1/meetings', status: 500, times: 0 })).toThrow(RangeError);
  });

  it('closes promptly while a request waits on a long delay', async () => {
    sandbox.injectFault({ path: '/v1/meetings', delayMs: 10 * 60_000 });
    const pending = create();
    while (!sandbox.requests.some((r) => r.path === '/v1/meetings')) await new Promise((r) => setTimeout(r, 5));
    await sandbox.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('sandbox latency', () => {
  it('still answers normally with latencyMs', async () => {
    const sandbox = await startSandbox({ seed: false, latencyMs: 20 });
    try {
      const token = await getToken(sandbox);
      expect((await call(sandbox, 'POST', '/v1/meetings', { token, body: {} })).status).toBe(201);
    } finally {
      await sandbox.close();
    }
  });
});
