import { closeHarnesses, interviewRequest, startHarness } from './fixtures/harness';

afterEach(closeHarnesses);

describe('Meet client: retries of calls safe to repeat', () => {
  it('honours 429 + Retry-After on GET: the second attempt comes after the delay asked for', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', status: 429, headers: { 'retry-after': '1' } });
    await expect(client.getUsage({})).resolves.toEqual(expect.any(Array));
    const [first, second] = seen('GET', '/v1/usage');
    expect(seen('GET', '/v1/usage')).toHaveLength(2);
    expect(second.at.getTime() - first.at.getTime()).toBeGreaterThanOrEqual(1000);
  });

  it('gives up with rate_limited and retryAfterMs when Retry-After exceeds the time budget', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'GET', path: '/v1/feedbacks', status: 429, headers: { 'retry-after': '120' } });
    await expect(client.getFeedbacks({})).rejects.toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 120_000,
      retryable: true,
    });
    expect(seen('GET', '/v1/feedbacks')).toHaveLength(1);
  });

  it('retries 503 on GET up to the attempt cap, then fails', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({
      method: 'GET',
      path: '/v1/addonConfigurations',
      status: 503,
      times: Number.POSITIVE_INFINITY,
    });
    await expect(client.listAddonConfigurations()).rejects.toMatchObject({ code: 'server_error', status: 503 });
    expect(seen('GET', '/v1/addonConfigurations')).toHaveLength(3);
  });

  it.each([502, 504])('recovers from a single %d on GET', async (status) => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', status });
    await expect(client.getUsage({})).resolves.toEqual(expect.any(Array));
    expect(seen('GET', '/v1/usage')).toHaveLength(2);
  });

  it('does not retry a 500 on GET', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', status: 500 });
    await expect(client.getUsage({})).rejects.toMatchObject({ code: 'server_error', status: 500 });
    expect(seen('GET', '/v1/usage')).toHaveLength(1);
  });

  it('retries a dropped connection on GET', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', drop: true });
    await expect(client.getUsage({})).resolves.toEqual(expect.any(Array));
    expect(seen('GET', '/v1/usage')).toHaveLength(2);
  });

  // undici checks headers and body timeouts with ~1 s resolution, hence the long delays.
  it('a headers timeout fires and a GET is retried after it', async () => {
    const { sandbox, client, seen } = await startHarness({
      client: { timeouts: { headersMs: 150 }, retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 2 } },
    });
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', delayMs: 3000, times: Number.POSITIVE_INFINITY });
    const error = await client.getUsage({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MeetApiError', code: 'timeout', retryable: true });
    expect((error as Error).message).toContain('headers timeout');
    expect(seen('GET', '/v1/usage')).toHaveLength(2);
  });

  it('retries PUT and DELETE on 503', async () => {
    const { sandbox, client, seen } = await startHarness();
    const created = await client.createAddonConfiguration({ name: 'Editor only', items: [{ identifier: 'monaco' }] });
    const path = `/v1/addonConfigurations/${created.id}`;
    sandbox.injectFault({ method: 'PUT', path, status: 503 });
    await expect(client.updateAddonConfiguration(created.id, { name: 'Editor' })).resolves.toMatchObject({
      name: 'Editor',
    });
    sandbox.injectFault({ method: 'DELETE', path, status: 503 });
    await client.deleteAddonConfiguration(created.id);
    expect(seen('PUT', path)).toHaveLength(2);
    expect(seen('DELETE', path)).toHaveLength(2);
  });

  it('stops when the caller aborts', async () => {
    const { sandbox, client } = await startHarness();
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', delayMs: 2000 });
    const controller = new AbortController();
    const pending = client.getUsage({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'timeout', retryable: false });
  });
});

describe('Meet client: creating a Meet is never repeated', () => {
  it.each([
    ['a 500', { status: 500 }, 'server_error'],
    ['a 503', { status: 503 }, 'server_error'],
    ['a 429', { status: 429, headers: { 'retry-after': '0' } }, 'rate_limited'],
    ['a dropped connection', { drop: true }, 'network'],
  ])('%s on create: one POST, an error', async (_label, fault, code) => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'POST', path: '/v1/meetings', ...fault });
    await expect(client.createMeeting(interviewRequest())).rejects.toMatchObject({ name: 'MeetApiError', code });
    expect(seen('POST', '/v1/meetings')).toHaveLength(1);
    expect(sandbox.meetings).toHaveLength(0);
  });

  it('a timeout on create: one POST, a timeout error', async () => {
    const { sandbox, client, seen } = await startHarness({ client: { timeouts: { headersMs: 150 } } });
    sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 3000 });
    // The server may still create it after we gave up: exactly why create is never repeated.
    await expect(client.createMeeting(interviewRequest())).rejects.toMatchObject({ code: 'timeout' });
    expect(seen('POST', '/v1/meetings')).toHaveLength(1);
  });

  it('a create that failed at the token request sends no create', async () => {
    const { sandbox, client, seen } = await startHarness();
    sandbox.injectFault({ method: 'POST', path: '/v1/token', status: 500 });
    await expect(client.createMeeting(interviewRequest())).rejects.toMatchObject({ code: 'server_error' });
    expect(seen('POST', '/v1/meetings')).toHaveLength(0);
  });
});
