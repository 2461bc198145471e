import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { call, detailOf, getToken } from './helpers';

describe('sandbox POST /v1/token', () => {
  let clock = new Date('2025-03-12T10:00:00Z');
  let sandbox: Sandbox;

  beforeEach(async () => {
    clock = new Date('2025-03-12T10:00:00Z');
    sandbox = await startSandbox({ now: () => clock, seed: false, clientKey: 'k1', clientSecret: 's3cret' });
  });
  afterEach(() => sandbox.close());

  const exchange = (body: unknown) => call(sandbox, 'POST', '/v1/token', { body });

  it('issues a token that expires tokenTtlSeconds later, in seconds since epoch', async () => {
    const result = await exchange({ grant_type: 'client_credentials', client_key: 'k1', client_secret: 's3cret' });
    expect(result.status).toBe(200);
    const body = result.body as { access_token: string; expires_at: number };
    expect(body.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.expires_at).toBe(Date.parse('2025-03-12T11:00:00Z') / 1000);
  });

  it('answers expires_at in milliseconds when asked to', async () => {
    const ms = await startSandbox({
      now: () => clock,
      seed: false,
      expiresAtUnit: 'milliseconds',
      tokenTtlSeconds: 60,
    });
    try {
      const result = await call(ms, 'POST', '/v1/token', {
        body: { grant_type: 'client_credentials', client_key: 'sandbox-key', client_secret: 'sandbox-secret' },
      });
      expect((result.body as { expires_at: number }).expires_at).toBe(Date.parse('2025-03-12T10:01:00Z'));
    } finally {
      await ms.close();
    }
  });

  it.each([
    ['a wrong secret', { grant_type: 'client_credentials', client_key: 'k1', client_secret: 'nope' }],
    ['a wrong key', { grant_type: 'client_credentials', client_key: 'k2', client_secret: 's3cret' }],
  ])('answers 401 with WWW-Authenticate for %s', async (_name, body) => {
    const result = await exchange(body);
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Bearer');
    expect(result.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it.each([
    ['an array', [], 'JSON object'],
    ['another grant type', { grant_type: 'password', client_key: 'k1', client_secret: 's3cret' }, 'grant_type'],
    ['no client_key', { grant_type: 'client_credentials', client_secret: 's3cret' }, 'client_key'],
    ['no client_secret', { grant_type: 'client_credentials', client_key: 'k1' }, 'client_secret'],
  ])('answers 400 for %s', async (_name, body, detail) => {
    const result = await exchange(body);
    expect(result.status).toBe(400);
    expect(detailOf(result)).toContain(detail);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const result = await call(sandbox, 'POST', '/v1/token', { rawBody: '{grant_type:' });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toContain('not valid JSON');
  });

  it('records the token request with the secret redacted', async () => {
    await exchange({ grant_type: 'client_credentials', client_key: 'k1', client_secret: 's3cret' });
    expect(sandbox.requests).toHaveLength(1);
    expect(sandbox.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/token',
      authorized: false,
      body: { grant_type: 'client_credentials', client_key: 'k1', client_secret: '[redacted]' },
    });
    expect(JSON.stringify(sandbox.requests)).not.toContain('s3cret');
  });

  describe('bearer tokens on other endpoints', () => {
    const createMeet = (headers: Record<string, string>) =>
      call(sandbox, 'POST', '/v1/meetings', { body: {}, headers });

    it('accepts the token with the scheme in any case', async () => {
      const token = await getToken(sandbox, 'k1', 's3cret');
      for (const scheme of ['bearer', 'Bearer', 'BEARER']) {
        expect((await createMeet({ authorization: `${scheme} ${token}` })).status).toBe(201);
      }
      expect(sandbox.requests.filter((r) => r.path === '/v1/meetings').every((r) => r.authorized)).toBe(true);
    });

    it('answers 401 without a token, with an unknown one, or another scheme', async () => {
      const token = await getToken(sandbox, 'k1', 's3cret');
      const cases: Record<string, string>[] = [
        {},
        { authorization: 'bearer not-a-token' },
        { authorization: `Basic ${token}` },
      ];
      for (const headers of cases) {
        const result = await createMeet(headers);
        expect(result.status).toBe(401);
        expect(result.headers.get('www-authenticate')).toBe('Bearer');
      }
      expect(sandbox.meetings).toHaveLength(0);
      expect(sandbox.requests.filter((r) => r.path === '/v1/meetings').some((r) => r.authorized)).toBe(false);
    });

    it('answers 401 once the token has expired by now()', async () => {
      const token = await getToken(sandbox, 'k1', 's3cret');
      clock = new Date('2025-03-12T10:59:59Z');
      expect((await createMeet({ authorization: `bearer ${token}` })).status).toBe(201);
      clock = new Date('2025-03-12T11:00:00Z');
      const expired = await createMeet({ authorization: `bearer ${token}` });
      expect(expired.status).toBe(401);
      expect(detailOf(expired)).toContain('expired');
    });

    it('answers 401 after expireTokens(), and a new token works again', async () => {
      const token = await getToken(sandbox, 'k1', 's3cret');
      sandbox.expireTokens();
      expect((await createMeet({ authorization: `bearer ${token}` })).status).toBe(401);
      const fresh = await getToken(sandbox, 'k1', 's3cret');
      expect((await createMeet({ authorization: `bearer ${fresh}` })).status).toBe(201);
    });
  });
});
