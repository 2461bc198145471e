import { closeHarnesses, startHarness } from './fixtures/harness';

afterEach(closeHarnesses);

describe('Meet client: tokens', () => {
  it('50 concurrent calls cause exactly one token request', async () => {
    const { client, seen } = await startHarness();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.getUsage({})));
    expect(results).toHaveLength(50);
    expect(seen('POST', '/v1/token')).toHaveLength(1);
    expect(seen('GET', '/v1/usage')).toHaveLength(50);
    expect(seen('GET', '/v1/usage').every((r) => r.authorized)).toBe(true);
  });

  it('sends the documented token request', async () => {
    const { client, seen } = await startHarness();
    await client.checkToken();
    const [token] = seen('POST', '/v1/token');
    expect(token.body).toMatchObject({ grant_type: 'client_credentials', client_key: 'sandbox-key' });
  });

  it('renews a token whose expires_at has passed, before the API refuses it', async () => {
    let clock = Date.parse('2025-03-03T09:00:00Z');
    const { client, seen } = await startHarness({
      sandbox: { tokenTtlSeconds: 600, now: () => new Date(clock) },
      client: { now: () => clock },
    });
    await client.listAddonConfigurations();
    await client.listAddonConfigurations();
    expect(seen('POST', '/v1/token')).toHaveLength(1);
    clock += 601_000;
    await client.listAddonConfigurations();
    expect(seen('POST', '/v1/token')).toHaveLength(2);
    const gets = seen('GET', '/v1/addonConfigurations');
    expect(gets).toHaveLength(3);
    expect(gets.every((r) => r.authorized)).toBe(true);
  });

  it.each(['seconds', 'milliseconds'] as const)('reads expires_at in %s', async (expiresAtUnit) => {
    let clock = Date.parse('2025-03-03T09:00:00Z');
    const { client, seen } = await startHarness({
      sandbox: { tokenTtlSeconds: 3600, expiresAtUnit, now: () => new Date(clock) },
      client: { now: () => clock, tokenMarginMs: 60_000 },
    });
    await client.checkToken();
    clock += 3600_000 - 61_000;
    await client.checkToken();
    // Read as the wrong unit, the token would either be renewed at once or never.
    expect(seen('POST', '/v1/token')).toHaveLength(1);
    clock += 2_000;
    await client.checkToken();
    expect(seen('POST', '/v1/token')).toHaveLength(2);
  });

  it('after expireTokens, the 401 renews the token once and repeats the call once', async () => {
    const { sandbox, client, seen } = await startHarness();
    await client.getFeedbacks({});
    sandbox.expireTokens();
    const feedbacks = await client.getFeedbacks({});
    expect(Array.isArray(feedbacks)).toBe(true);
    expect(seen('POST', '/v1/token')).toHaveLength(2);
    expect(seen('GET', '/v1/feedbacks').map((r) => r.authorized)).toEqual([true, false, true]);
  });

  it('a second 401 is an error, not a loop', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', status: 401, times: Number.POSITIVE_INFINITY });
    await expect(client.getUsage({})).rejects.toMatchObject({
      name: 'MeetApiError',
      code: 'unauthorized',
      status: 401,
    });
    expect(seen('GET', '/v1/usage')).toHaveLength(2);
    expect(seen('POST', '/v1/token')).toHaveLength(2);
  });

  it('a 401 on create renews the token and sends the create once more (the server refused before acting)', async () => {
    const { sandbox, client, seen } = await startHarness();
    await client.checkToken();
    sandbox.expireTokens();
    const meeting = await client.createMeeting({ title: 'Standup' });
    expect(meeting.joinUrl).toContain(meeting.code);
    expect(seen('POST', '/v1/meetings').map((r) => r.authorized)).toEqual([false, true]);
    expect(sandbox.meetings).toHaveLength(1);
  });

  it('bad credentials give unauthorized with the settings to check, without the secret', async () => {
    const { client, seen } = await startHarness({ client: { clientSecret: 'wrong-secret-value' } });
    const error = await client.getUsage({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MeetApiError', code: 'unauthorized', status: 401, retryable: false });
    const message = (error as Error).message;
    expect(message).toContain('MEET_CLIENT_KEY');
    expect(message).toContain('MEET_CLIENT_SECRET');
    expect(message).toContain('MEET_API_URL');
    expect(JSON.stringify(error)).not.toContain('wrong-secret-value');
    expect(message).not.toContain('wrong-secret-value');
    expect(seen('POST', '/v1/token')).toHaveLength(1);
    expect(seen('GET', '/v1/usage')).toHaveLength(0);
    await expect(client.checkToken()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('checkToken stops waiting when its signal aborts; a call waiting for the same token still gets it', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'POST', path: '/v1/token', delayMs: 3_000 });
    const call = client.listAddonConfigurations();
    const started = Date.now();
    await expect(client.checkToken({ signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      name: 'MeetApiError',
      code: 'timeout',
      retryable: false,
    });
    expect(Date.now() - started).toBeLessThan(2_500); // against a wait for the 3 s token (generous: a loaded machine)
    await expect(call).resolves.toEqual(expect.any(Array));
    expect(seen('POST', '/v1/token')).toHaveLength(1);
  });

  it('a call cancelled while it waits for a token fails as cancelled and sends nothing', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'POST', path: '/v1/token', delayMs: 3_000 });
    const controller = new AbortController();
    const started = Date.now();
    const create = client.createMeeting({ title: 'Standup' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(create).rejects.toMatchObject({ code: 'timeout', message: expect.stringContaining('cancelled') });
    expect(Date.now() - started).toBeLessThan(2_500); // it stopped waiting, not after the 3 s token
    await client.checkToken();
    expect(seen('POST', '/v1/meetings')).toHaveLength(0);
  });
});
