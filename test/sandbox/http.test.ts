import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { call, detailOf, getToken } from './helpers';

describe('sandbox HTTP behaviour', () => {
  let sandbox: Sandbox;
  let token: string;

  beforeEach(async () => {
    sandbox = await startSandbox({ seed: false });
    token = await getToken(sandbox);
  });
  afterEach(() => sandbox.close());

  it('listens on loopback and gives its URL without a trailing slash', () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.port).toBeGreaterThan(0);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/v1/meetings/abc'],
    ['GET', '/v2/usage'],
    ['POST', '/v1/unknown'],
  ])('answers 404 ProblemDetails for %s %s', async (method, path) => {
    const result = await call(sandbox, method, path, { token });
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const result = await call(sandbox, 'GET', '/v1/meetings', { token });
    expect(result.status).toBe(405);
    expect(result.headers.get('allow')).toBe('POST');
  });

  it('matches paths in any case and with a trailing slash, like ASP.NET', async () => {
    expect((await call(sandbox, 'POST', '/V1/Meetings/', { token, body: {} })).status).toBe(201);
  });

  it('answers 400 for invalid JSON', async () => {
    const result = await call(sandbox, 'POST', '/v1/meetings', { token, rawBody: '{"title":' });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toBe('the body is not valid JSON');
  });

  it('checks the token before the body, like ASP.NET', async () => {
    const result = await call(sandbox, 'POST', '/v1/meetings', { rawBody: '{"title":' });
    expect(result.status).toBe(401);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const result = await call(sandbox, 'POST', '/v1/meetings', {
      token,
      body: { title: 'x', description: 'y'.repeat(1024 * 1024) },
    });
    expect(result.status).toBe(413);
    expect(sandbox.meetings).toHaveLength(0);
  });

  it('records the query of every request', async () => {
    await call(sandbox, 'GET', '/v1/usage/ACMEUK?from=2025-01-01&to=2025-01-31', { token });
    expect(sandbox.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/v1/usage/ACMEUK',
      query: { from: '2025-01-01', to: '2025-01-31' },
      body: undefined,
      authorized: true,
    });
  });
});

describe('sandbox on every interface', () => {
  it('still gives a loopback URL', async () => {
    const sandbox = await startSandbox({ seed: false, host: '0.0.0.0' });
    try {
      expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
      await expect(getToken(sandbox)).resolves.toEqual(expect.any(String));
    } finally {
      await sandbox.close();
    }
  });
});

describe('sandbox close', () => {
  it('closes with keep-alive connections open, and refuses connections afterwards', async () => {
    const sandbox = await startSandbox({ seed: false });
    await getToken(sandbox);
    await sandbox.close();
    await sandbox.close();
    await expect(fetch(`${sandbox.url}/v1/token`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});

describe('sandbox logging', () => {
  it('logs one line per request with a logger, and never the secret or the token', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const sandbox = await startSandbox({
      seed: false,
      clientSecret: 'very-secret-value',
      logger: createLogger({ destination }),
    });
    try {
      const token = await getToken(sandbox, 'sandbox-key', 'very-secret-value');
      await call(sandbox, 'POST', '/v1/meetings', { token, body: {} });
      await call(sandbox, 'GET', '/v1/usage', { token: 'wrong' });
      await new Promise((resolve) => setImmediate(resolve));
      const logged = lines.join('');
      expect(lines).toHaveLength(3);
      expect(logged).toContain('"path":"/v1/meetings"');
      expect(logged).toContain('"status":401');
      expect(logged).not.toContain('very-secret-value');
      expect(logged).not.toContain(token);
    } finally {
      await sandbox.close();
    }
  });
});
