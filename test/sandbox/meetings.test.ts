import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { type CallResult, call, detailOf, getToken } from './helpers';

const now = new Date('2025-03-12T10:00:00Z');
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sandbox POST /v1/meetings', () => {
  let sandbox: Sandbox;
  let token: string;
  let configs: { id: string; name: string; isDefault: boolean; partitionKey: string }[];

  beforeEach(async () => {
    sandbox = await startSandbox({ now: () => now });
    token = await getToken(sandbox);
    configs = (await call(sandbox, 'GET', '/v1/addonConfigurations', { token })).body as typeof configs;
  });
  afterEach(() => sandbox.close());

  const create = (body: unknown) => call(sandbox, 'POST', '/v1/meetings', { token, body });
  const meetingOf = (result: CallResult) => result.body as Record<string, unknown>;

  it('creates a quick Meet from {}: 60 minutes, default configuration, anyone with the link', async () => {
    const result = await create({});
    expect(result.status).toBe(201);
    const meeting = meetingOf(result);
    expect(meeting.id).toMatch(guid);
    expect(meeting.code).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(meeting.joinUrl).toBe(`https://meet.rs/${meeting.code}`);
    expect(meeting.title).toMatch(/^Quick meet 03\/12 - \d{3}$/);
    expect(meeting.description).toBeNull();
    expect(meeting.partitionKey).toBe(configs[0]!.partitionKey);
    expect(meeting.addonConfigurationId).toBe(configs.find((c) => c.isDefault)!.id);
    expect(meeting.participants).toEqual([]);
    expect(meeting.schedulingInfo).toEqual({ duration: 60 });
    expect(Date.parse(String(meeting.createdAt))).toBe(now.getTime());
    expect(sandbox.meetings).toEqual([meeting]);
  });

  it('creates a quick Meet from an empty body too', async () => {
    const result = await call(sandbox, 'POST', '/v1/meetings', { token, rawBody: '' });
    expect(result.status).toBe(201);
    expect(sandbox.meetings).toHaveLength(1);
  });

  it('gives every Meet its own code', async () => {
    const codes = new Set<unknown>();
    for (let i = 0; i < 20; i++) codes.add(meetingOf(await create({})).code);
    expect(codes.size).toBe(20);
  });

  it('keeps the title, description, duration and configuration asked for, and ignores unknown fields', async () => {
    const interview = configs.find((c) => c.name === 'Interview')!;
    const result = await create({
      title: 'Meeting with John Snow',
      description: 'Annual gathering of the Black Crow society.',
      schedulingInfo: { duration: 45 },
      addonConfigurationId: interview.id.toUpperCase(),
      somethingNew: { nested: true },
    });
    expect(result.status).toBe(201);
    expect(meetingOf(result)).toMatchObject({
      title: 'Meeting with John Snow',
      description: 'Annual gathering of the Black Crow society.',
      schedulingInfo: { duration: 45 },
      addonConfigurationId: interview.id,
    });
    expect(meetingOf(result)).not.toHaveProperty('somethingNew');
  });

  it('keeps participants, adds the implicit Guest rule and writes names in canonical case', async () => {
    const result = await create({
      participants: [
        {
          user: { firstName: 'John', lastName: 'Smith', email: 'john@smith.com' },
          role: 'User',
          accessRules: [{ provider: 'Passcode', condition: '112233' }],
        },
        { user: { email: 'jack@sparrow.com' }, role: 'poweruser', accessRules: [{ provider: 'Google' }] },
        {
          user: { email: 'jack@sparrow.com' },
          role: 'Admin',
          accessRules: [{ provider: 'facebook', condition: 'jacks.sparrow@gmail.com' }],
        },
        { role: 'Guest' },
      ],
    });
    expect(result.status).toBe(201);
    expect(meetingOf(result).participants).toEqual([
      {
        user: { firstName: 'John', lastName: 'Smith', email: 'john@smith.com' },
        role: 'User',
        accessRules: [{ provider: 'Passcode', condition: '112233' }],
      },
      { user: { email: 'jack@sparrow.com' }, role: 'PowerUser', accessRules: [{ provider: 'Google' }] },
      {
        user: { email: 'jack@sparrow.com' },
        role: 'Admin',
        accessRules: [{ provider: 'Facebook', condition: 'jacks.sparrow@gmail.com' }],
      },
      { role: 'Guest', accessRules: [{ provider: 'Guest' }] },
    ]);
  });

  const member = (extra: object) => ({ user: { email: 'a@b.com' }, role: 'User', ...extra });
  it.each([
    ['the body is an array', [], 'the body must be a JSON object'],
    ['the title is not a string', { title: 42 }, 'title: must be a string'],
    ['participants is not an array', { participants: {} }, 'participants: must be an array'],
    ['a role is unknown', { participants: [member({ role: 'Superuser' })] }, "participants[0].role: 'Superuser'"],
    ['a role is missing', { participants: [{ user: { email: 'a@b.com' } }] }, 'participants[0].role: is required'],
    [
      'a provider is unknown',
      { participants: [member({ accessRules: [{ provider: 'GitHub' }] })] },
      "participants[0].accessRules[0].provider: 'GitHub' is not a provider",
    ],
    [
      'a Passcode rule has no condition',
      { participants: [{ role: 'Guest' }, member({ accessRules: [{ provider: 'Passcode' }] })] },
      'participants[1].accessRules[0]: a Passcode rule needs a condition (the passcode)',
    ],
    [
      'a Passcode rule has an empty condition',
      { participants: [member({ accessRules: [{ provider: 'Passcode', condition: '' }] })] },
      'a Passcode rule needs a condition',
    ],
    [
      'a non-Guest participant has no email',
      { participants: [{ user: { firstName: 'Ann' }, role: 'PowerUser' }] },
      'participants[0]: a PowerUser participant needs user.email',
    ],
    [
      'an email is invalid',
      { participants: [member({ user: { email: 'not-an-email' } })] },
      "participants[0].user.email: 'not-an-email' is not a valid email address",
    ],
    [
      'the addon configuration is unknown',
      { addonConfigurationId: '00000000-0000-0000-0000-000000000000' },
      "addonConfigurationId: no addon configuration with id '00000000-0000-0000-0000-000000000000'",
    ],
    ['the duration is 0', { schedulingInfo: { duration: 0 } }, 'schedulingInfo.duration: must be a whole number'],
    ['the duration is not whole', { schedulingInfo: { duration: 1.5 } }, 'got 1.5'],
    ['the duration is over a day', { schedulingInfo: { duration: 1441 } }, 'from 1 to 1440, got 1441'],
    ['the duration is a string', { schedulingInfo: { duration: '60' } }, 'got "60"'],
  ])('answers 400 when %s', async (_name, body, detail) => {
    const result = await create(body);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
    expect(detailOf(result)).toContain(detail);
    expect(result.headers.get('content-type')).toContain('application/problem+json');
    expect(sandbox.meetings).toHaveLength(0);
  });

  it('never echoes a passcode in an error detail', async () => {
    const result = await create({
      participants: [
        { role: 'Guest', accessRules: [{ provider: 'Passcode', condition: '99887766' }] },
        {
          user: { email: 'x@y.com' },
          role: 'User',
          accessRules: [{ provider: 'Passcode', condition: '99887766' }, {}],
        },
      ],
    });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toContain('participants[1].accessRules[1].provider: is required');
    expect(JSON.stringify(result.body)).not.toContain('99887766');
  });

  it('records what it received, with the authorization state', async () => {
    await create({ title: 'Recorded' });
    const recorded = sandbox.requests.filter((r) => r.path === '/v1/meetings');
    expect(recorded).toEqual([
      { method: 'POST', path: '/v1/meetings', query: {}, body: { title: 'Recorded' }, authorized: true, at: now },
    ]);
  });
});

describe('sandbox without seed data', () => {
  it('creates Meets with no addon configuration until one exists, then uses it as the default', async () => {
    const sandbox = await startSandbox({ seed: false });
    try {
      const token = await getToken(sandbox);
      const first = await call(sandbox, 'POST', '/v1/meetings', { token, body: {} });
      expect((first.body as { addonConfigurationId: unknown }).addonConfigurationId).toBeNull();
      const created = await call(sandbox, 'POST', '/v1/addonConfigurations', { token, body: { name: 'Only' } });
      expect(created.body).toMatchObject({ name: 'Only', isDefault: true });
      const second = await call(sandbox, 'POST', '/v1/meetings', { token, body: {} });
      expect((second.body as { addonConfigurationId: unknown }).addonConfigurationId).toBe(
        (created.body as { id: string }).id,
      );
    } finally {
      await sandbox.close();
    }
  });
});
