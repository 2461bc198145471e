import type { CreateMeetingRequest } from '../../src/meet/schemas';
import { closeHarnesses, interviewRequest, startHarness } from './fixtures/harness';

afterEach(closeHarnesses);

describe('Meet client: creating a Meet', () => {
  it('sends the request as given, with the token, and returns the Meet', async () => {
    const { sandbox, client, seen } = await startHarness();
    const request = interviewRequest();
    const meeting = await client.createMeeting(request);
    expect(meeting.joinUrl).toMatch(/^https?:\/\//);
    expect(meeting.code.length).toBeGreaterThan(0);
    const [sent] = seen('POST', '/v1/meetings');
    expect(sent.authorized).toBe(true);
    expect(sent.body).toEqual(request);
    expect(sandbox.meetings).toHaveLength(1);
  });

  it('creates a quick Meet from an empty body', async () => {
    const { client, seen } = await startHarness();
    await expect(client.createMeeting({})).resolves.toMatchObject({ joinUrl: expect.any(String) });
    expect(seen('POST', '/v1/meetings')[0].body).toEqual({});
  });

  it.each([200, 201])('accepts %d and keeps unknown fields', async (status) => {
    const { sandbox, client } = await startHarness();
    const body = { id: 'm1', code: 'AbC123xy', joinUrl: 'https://meet.rs/AbC123xy', title: 't', startsAt: 'later' };
    sandbox.injectFault({ method: 'POST', path: '/v1/meetings', status, body });
    await expect(client.createMeeting({ title: 't' })).resolves.toEqual(body);
  });

  it('a documented field of the wrong type is invalid_response', async () => {
    const { sandbox, client } = await startHarness();
    sandbox.injectFault({
      method: 'POST',
      path: '/v1/meetings',
      status: 201,
      body: { code: 42, joinUrl: 'https://meet.rs/x' },
    });
    const error = await client.createMeeting({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false });
    expect((error as Error).message).toContain('code');
  });

  it('a join URL that is not http(s) is refused: it would become a Join button', async () => {
    const { sandbox, client } = await startHarness();
    sandbox.injectFault({
      method: 'POST',
      path: '/v1/meetings',
      status: 201,
      body: { code: 'AbC123xy', joinUrl: 'javascript:alert(1)' },
    });
    const error = await client.createMeeting({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toContain('joinUrl');
  });

  it.each<[string, CreateMeetingRequest, string]>([
    [
      'a Passcode rule without condition',
      { participants: [{ role: 'User', user: { email: 'a@b.co' }, accessRules: [{ provider: 'Passcode' }] }] },
      'participants[0].accessRules[0].condition',
    ],
    ['an unknown field', { title: 'x', startAt: 'now' } as CreateMeetingRequest, 'startAt'],
    [
      'a role that does not exist',
      { participants: [{ role: 'Host' as 'User', user: { email: 'a@b.co' } }] },
      'participants[0].role',
    ],
    ['a User without email', { participants: [{ role: 'User' }] }, 'participants[0].user.email'],
  ])('rejects %s before sending anything', async (_label, request, field) => {
    const { sandbox, client } = await startHarness();
    const error = await client.createMeeting(request).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MeetApiError', code: 'invalid_request', retryable: false });
    expect((error as Error).message).toContain(field);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('maps a ProblemDetails 400 to bad_request with the detail', async () => {
    const { sandbox, client } = await startHarness();
    sandbox.injectFault({
      method: 'POST',
      path: '/v1/meetings',
      status: 400,
      body: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'addonConfigurationId: unknown configuration',
      },
    });
    await expect(client.createMeeting({ addonConfigurationId: 'nope' })).rejects.toMatchObject({
      code: 'bad_request',
      status: 400,
      retryable: false,
      detail: 'addonConfigurationId: unknown configuration',
    });
  });
});

describe('Meet client: addon configurations', () => {
  it('creates, lists, reads, updates and deletes', async () => {
    const { client, seen } = await startHarness();
    const created = await client.createAddonConfiguration({
      name: 'Whiteboard and chat',
      type: 1,
      items: [{ identifier: 'rnto' }, { identifier: 'orpheus', configuration: '{"history":true}' }],
    });
    expect(created).toMatchObject({ id: expect.any(String), name: 'Whiteboard and chat' });
    expect((await client.listAddonConfigurations()).map((c) => c.id)).toContain(created.id);
    await expect(client.getAddonConfiguration(created.id)).resolves.toMatchObject({ name: 'Whiteboard and chat' });
    await expect(client.updateAddonConfiguration(created.id, { name: 'Board' })).resolves.toMatchObject({
      id: created.id,
      name: 'Board',
    });
    await client.deleteAddonConfiguration(created.id);
    await expect(client.getAddonConfiguration(created.id)).rejects.toMatchObject({ code: 'not_found', status: 404 });
    expect(seen('PUT', `/v1/addonConfigurations/${created.id}`)[0].body).toEqual({ name: 'Board' });
  });

  it('accepts an empty 204 on delete', async () => {
    const { sandbox, client } = await startHarness();
    sandbox.injectFault({ method: 'DELETE', path: /^\/v1\/addonConfigurations\//, status: 204 });
    await expect(client.deleteAddonConfiguration('cfg-1')).resolves.toBeUndefined();
  });

  it('rejects an invalid configuration before sending', async () => {
    const { sandbox, client } = await startHarness();
    await expect(client.createAddonConfiguration({ name: '' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(client.getAddonConfiguration('')).rejects.toMatchObject({ code: 'invalid_request' });
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('Meet client: usage and feedbacks', () => {
  it.each([
    ['getUsage', '/v1/usage'],
    ['getFeedbacks', '/v1/feedbacks'],
  ] as const)('%s sends the tenant in the path and the range in the query', async (method, base) => {
    const { client, seen } = await startHarness({ sandbox: { seed: true } });
    const from = '2025-02-01T00:00:00.000Z';
    const to = '2025-02-28T23:59:59.000Z';
    await expect(client[method]({ from, to })).resolves.toEqual(expect.any(Array));
    // ACMEUK is a subtenant the sandbox knows.
    await expect(client[method]({ tenant: 'ACMEUK', from })).resolves.toEqual(expect.any(Array));
    await expect(client[method]({ tenant: 'NOSUCH1' })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    expect(seen('GET', base)[0].query).toEqual({ from, to });
    expect(seen('GET', `${base}/ACMEUK`)[0].query).toEqual({ from });
    expect(seen('GET', `${base}/NOSUCH1`)).toHaveLength(1);
  });

  it('returns the records with unknown fields kept', async () => {
    const { sandbox, client } = await startHarness();
    const record = {
      code: 'le3YHkUb',
      participants: 2,
      createdAt: '2020-07-22T11:57:00.408594Z',
      totalDurationInSeconds: 17,
      billableDurationInSeconds: 10,
      isFree: true,
      isSubscriptionCovered: true,
      region: 'eu',
    };
    sandbox.injectFault({ method: 'GET', path: '/v1/usage', status: 200, body: [record] });
    await expect(client.getUsage({})).resolves.toEqual([record]);
  });

  it('rejects a range that is not ISO 8601 before sending', async () => {
    const { sandbox, client } = await startHarness();
    await expect(client.getUsage({ from: 'last monday' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(client.getFeedbacks({ tenant: '../admin' })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(sandbox.requests).toHaveLength(0);
  });
});
