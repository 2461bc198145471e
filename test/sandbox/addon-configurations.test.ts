import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { call, detailOf, getToken } from './helpers';

interface Config {
  id: string;
  name: string;
  description: string | null;
  partitionKey: string;
  isDefault: boolean;
  type: number;
  items: { identifier: string; configuration: string | null }[];
}

describe('sandbox /v1/addonConfigurations', () => {
  let sandbox: Sandbox;
  let token: string;

  beforeEach(async () => {
    sandbox = await startSandbox();
    token = await getToken(sandbox);
  });
  afterEach(() => sandbox.close());

  const list = async () => (await call(sandbox, 'GET', '/v1/addonConfigurations', { token })).body as Config[];
  const defaults = async () => (await list()).filter((c) => c.isDefault).map((c) => c.name);

  it('lists realistic seeded configurations, exactly one of them the default', async () => {
    const configs = await list();
    expect(configs.map((c) => c.name)).toEqual(expect.arrayContaining(['Meeting', 'Interview', 'Webcast']));
    expect(await defaults()).toEqual(['Meeting']);
    const interview = configs.find((c) => c.name === 'Interview')!;
    expect(interview.items.map((i) => i.identifier)).toEqual(['monaco', 'rnto', 'roster']);
    const meeting = configs.find((c) => c.name === 'Meeting')!;
    expect(meeting.items.map((i) => i.identifier)).toEqual(['orpheus', 'roster', 'twilio']);
    for (const config of configs) {
      expect(config.partitionKey).toBe(configs[0]!.partitionKey);
      expect([1, 3]).toContain(config.type);
      for (const item of config.items) expect(() => JSON.parse(item.configuration!)).not.toThrow();
    }
  });

  it('gets one by id, and answers 404 for an unknown id', async () => {
    const [first] = await list();
    const got = await call(sandbox, 'GET', `/v1/addonConfigurations/${first!.id}`, { token });
    expect(got).toMatchObject({ status: 200, body: first });
    const missing = await call(sandbox, 'GET', '/v1/addonConfigurations/8c7c2a55-0000-4000-8000-000000000000', {
      token,
    });
    expect(missing.status).toBe(404);
    expect(detailOf(missing)).toContain('8c7c2a55-0000-4000-8000-000000000000');
  });

  it('creates one (201, Location) with type 1 and no items by default', async () => {
    const created = await call(sandbox, 'POST', '/v1/addonConfigurations', {
      token,
      body: { name: 'Pairing', items: [{ identifier: 'monaco', configuration: '{"theme":"vs"}' }] },
    });
    expect(created.status).toBe(201);
    const config = created.body as Config;
    expect(created.headers.get('location')).toBe(`/v1/addonConfigurations/${config.id}`);
    expect(config).toMatchObject({ name: 'Pairing', description: null, isDefault: false, type: 1 });
    expect(config.items).toEqual([{ identifier: 'monaco', configuration: '{"theme":"vs"}' }]);
    expect((await list()).map((c) => c.name)).toContain('Pairing');
  });

  it('keeps exactly one default: making another default clears the old one', async () => {
    const created = await call(sandbox, 'POST', '/v1/addonConfigurations', {
      token,
      body: { name: 'New default', isDefault: true },
    });
    expect(await defaults()).toEqual(['New default']);
    const interview = (await list()).find((c) => c.name === 'Interview')!;
    const updated = await call(sandbox, 'PUT', `/v1/addonConfigurations/${interview.id}`, {
      token,
      body: { name: 'Interview v2', isDefault: true, items: interview.items },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: interview.id, name: 'Interview v2', isDefault: true });
    expect(await defaults()).toEqual(['Interview v2']);
    const meet = await call(sandbox, 'POST', '/v1/meetings', { token, body: {} });
    expect((meet.body as { addonConfigurationId: string }).addonConfigurationId).toBe(interview.id);
    expect((created.body as Config).id).not.toBe(interview.id);
  });

  it('keeps the default flag when a PUT leaves isDefault out, and refuses to un-default it (409)', async () => {
    const meeting = (await list()).find((c) => c.isDefault)!;
    const renamed = await call(sandbox, 'PUT', `/v1/addonConfigurations/${meeting.id}`, {
      token,
      body: { name: 'Meeting (renamed)' },
    });
    expect(renamed.body).toMatchObject({ isDefault: true, name: 'Meeting (renamed)', items: [] });
    const refused = await call(sandbox, 'PUT', `/v1/addonConfigurations/${meeting.id}`, {
      token,
      body: { name: 'x', isDefault: false },
    });
    expect(refused.status).toBe(409);
    expect(await defaults()).toEqual(['Meeting (renamed)']);
  });

  it('deletes a configuration (204) but not the default (409)', async () => {
    const configs = await list();
    const webcast = configs.find((c) => c.name === 'Webcast')!;
    const deleted = await call(sandbox, 'DELETE', `/v1/addonConfigurations/${webcast.id}`, { token });
    expect(deleted.status).toBe(204);
    expect((await list()).map((c) => c.name)).not.toContain('Webcast');
    expect((await call(sandbox, 'DELETE', `/v1/addonConfigurations/${webcast.id}`, { token })).status).toBe(404);
    const meeting = configs.find((c) => c.isDefault)!;
    const refused = await call(sandbox, 'DELETE', `/v1/addonConfigurations/${meeting.id}`, { token });
    expect(refused.status).toBe(409);
    expect(detailOf(refused)).toContain('make another configuration the default first');
    expect(await defaults()).toEqual(['Meeting']);
  });

  it('answers 404 to a PUT on an unknown id', async () => {
    const result = await call(sandbox, 'PUT', '/v1/addonConfigurations/nope', { token, body: { name: 'x' } });
    expect(result.status).toBe(404);
  });

  it.each([
    ['no name', {}, 'name: is required'],
    ['a blank name', { name: '  ' }, 'name: is required'],
    ['an unknown type', { name: 'x', type: 2 }, 'type: must be 1 (Meet app) or 3 (Teams addon), got 2'],
    ['isDefault not a boolean', { name: 'x', isDefault: 'yes' }, 'isDefault: must be true or false'],
    ['items not an array', { name: 'x', items: {} }, 'items: must be an array'],
    ['an item without identifier', { name: 'x', items: [{ configuration: '{}' }] }, 'items[0].identifier'],
    ['a configuration object', { name: 'x', items: [{ identifier: 'a', configuration: {} }] }, 'must be a JSON string'],
    ['a configuration not JSON', { name: 'x', items: [{ identifier: 'a', configuration: '{' }] }, 'not valid JSON'],
  ])('answers 400 for %s', async (_name, body, detail) => {
    const before = (await list()).length;
    const result = await call(sandbox, 'POST', '/v1/addonConfigurations', { token, body });
    expect(result.status).toBe(400);
    expect(detailOf(result)).toContain(detail);
    expect(await list()).toHaveLength(before);
  });

  it('needs a token', async () => {
    expect((await call(sandbox, 'GET', '/v1/addonConfigurations')).status).toBe(401);
  });
});
