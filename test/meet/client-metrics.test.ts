import { recordMeetApiCall } from '../../src/metrics/meet-api-metrics';
import { metricsRegistry } from '../../src/metrics/metrics';
import { closeHarnesses, interviewRequest, startHarness } from './fixtures/harness';

/**
 * Every call of the client is counted under its route: the label names the variable parts
 * (`{tenant}`, `{id}`) and never holds a tenant or an id, whichever call it is and however it ends.
 */

afterEach(closeHarnesses);

async function operations(): Promise<Map<string, number>> {
  const metric = await metricsRegistry.getSingleMetric('meetbot_meet_api_requests_total')?.get();
  const counts = new Map<string, number>();
  for (const { labels, value } of metric?.values ?? []) counts.set(`${labels.operation} ${labels.status}`, value);
  return counts;
}

test('each call is counted under its route, with its outcome', async () => {
  metricsRegistry.resetMetrics();
  const { client } = await startHarness();
  // The sandbox puts its tenant's id in each Meet's partitionKey.
  const tenant = (await client.createMeeting(interviewRequest())).partitionKey as string;
  expect(tenant).toMatch(/\w{8}/);
  const config = await client.createAddonConfiguration({ name: 'Editor only', items: [{ identifier: 'monaco' }] });
  await client.listAddonConfigurations();
  await client.getAddonConfiguration(config.id);
  await client.updateAddonConfiguration(config.id, { name: 'Editor' });
  await client.deleteAddonConfiguration(config.id);
  await expect(client.getAddonConfiguration(config.id)).rejects.toMatchObject({ code: 'not_found' });
  await client.getUsage({ tenant });
  await client.getUsage({});
  await client.getFeedbacks({ tenant });

  expect(Object.fromEntries(await operations())).toEqual({
    'POST /v1/meetings 201': 1,
    'POST /v1/addonConfigurations 201': 1,
    'GET /v1/addonConfigurations 200': 1,
    'GET /v1/addonConfigurations/{id} 200': 1,
    'PUT /v1/addonConfigurations/{id} 200': 1,
    'DELETE /v1/addonConfigurations/{id} 204': 1,
    'GET /v1/addonConfigurations/{id} 404': 1,
    'GET /v1/usage/{tenant} 200': 1,
    'GET /v1/usage 200': 1,
    'GET /v1/feedbacks/{tenant} 200': 1,
  });
  const exposed = await metricsRegistry.metrics();
  expect(exposed).not.toContain(tenant);
  expect(exposed).not.toContain(config.id);
});

test('calls are handed to prom-client in batches, and every read sees all of them', async () => {
  metricsRegistry.resetMetrics();
  // 600 calls: two batches handed over as they filled, and 88 pending until the read below.
  for (let i = 0; i < 600; i++) {
    recordMeetApiCall('GET', '/v1/usage/{tenant}', { status: i % 3 === 0 ? 503 : 200 }, 0.02);
  }
  expect(Object.fromEntries(await operations())).toEqual({
    'GET /v1/usage/{tenant} 200': 400,
    'GET /v1/usage/{tenant} 503': 200,
  });
  const exposed = await metricsRegistry.metrics();
  expect(exposed).toContain('meetbot_meet_api_request_duration_seconds_count{operation="GET /v1/usage/{tenant}"} 600');
  expect(exposed).toContain(
    'meetbot_meet_api_request_duration_seconds_bucket{le="0.025",operation="GET /v1/usage/{tenant}"} 600',
  );
  // A read with nothing pending changes nothing.
  expect(Object.fromEntries(await operations())).toEqual({
    'GET /v1/usage/{tenant} 200': 400,
    'GET /v1/usage/{tenant} 503': 200,
  });
});
