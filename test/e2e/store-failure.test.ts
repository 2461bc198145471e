import { Writable } from 'node:stream';
import { request } from 'undici';
import { type RunningApp, startApp } from '../../src/app';
import { AppError } from '../../src/core/errors';
import { createLogger } from '../../src/logger';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import type { Store } from '../../src/store/store';
import { slackAppEnv, testConfig } from '../fixtures/app-env';
import { eventually } from '../fixtures/eventually';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { parseScrape } from '../fixtures/scrape';
import { startTcpProxy, type TcpProxy } from '../fixtures/tcp-proxy';
import {
  bothStores,
  createTestSchema,
  type TestDatabase,
  type TestSchema,
  testDatabaseUrl,
} from '../store/postgres-test-schema';
import {
  addDefaultUsers,
  type Harness,
  sendSlash,
  signingSecret,
  startHarness,
  waitForChannelMessage,
} from './slack-harness';

/**
 * A Meet that was created always reaches its creator: when the store fails after the Meet API
 * created the Meet (a dropped PostgreSQL connection, a full disk), the channel message and the
 * passcodes still go out, and the key and the audit row are recorded later, in the background.
 */

/** The store, with its writes after a create failing the first `failures` times. */
function failingWrites(store: Store, failures: number): Store & { failed: string[] } {
  const failed: string[] = [];
  let left = failures;
  const fail = (what: string) => {
    failed.push(what);
    left -= 1;
    return Promise.reject(new AppError('store_error', `store: ${what} failed (SQLITE_FULL)`));
  };
  return {
    ...store,
    failed,
    completeIdempotency: (key, outcome) =>
      left > 0 ? fail('completeIdempotency') : store.completeIdempotency(key, outcome),
    recordMeet: (entry) => (left > 0 ? fail('recordMeet') : store.recordMeet(entry)),
  };
}

describe.each(bothStores)('the store fails right after a create (%s)', (_name, database) => {
  let h: Harness;
  let schema: TestDatabase;
  let flaky: ReturnType<typeof failingWrites> | undefined;

  beforeAll(async () => {
    schema = await database();
    h = await startHarness({
      databaseUrl: schema.url,
      passcodes: ['31415926'],
      wrapStore: (store) => {
        flaky = failingWrites(store, 2);
        return flaky;
      },
    });
  });
  afterAll(async () => {
    await h.close();
    await schema.drop();
  });

  it('the channel gets the Meet and the creator the passcodes; the key and the audit row follow', async () => {
    const sent = await h.slash('interview <@UINT|ian> jane@example.com "Store down"', { triggerId: 'trigger.flaky' });
    const inChannel = await waitForChannelMessage(h.slack, 'Store down');
    const privately = await h.slack.waitFor(() =>
      h.slack.responses.find((r) => r.id === sent.responseId && r.body.response_type === 'ephemeral'),
    );
    const meeting = h.sandbox.meetings.at(-1)!;
    expect(JSON.stringify(inChannel.body)).toContain(meeting.joinUrl);
    expect(JSON.stringify(privately.body)).toContain('31415926');
    expect(JSON.stringify(privately.body)).toContain(meeting.code);
    expect(JSON.stringify(h.slack.responses)).not.toContain('could not read or save');
    // Delivered first; the writes come after, and the first attempt fails.
    await eventually(() => flaky?.failed.length === 2, 'the first, failing attempt to record the Meet');
    expect(flaky?.failed).toEqual(['completeIdempotency', 'recordMeet']);

    const audit = await eventually(async () => {
      const [row] = await h.store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 1 });
      return row?.meetCode === meeting.code ? row : undefined;
    }, 'the audit row, recorded by a retry');
    expect(audit.title).toBe('Store down');
    expect(await h.store.claimIdempotency('slack:trigger:trigger.flaky', 60_000)).toEqual({
      status: 'taken',
      outcome: { code: meeting.code, joinUrl: meeting.joinUrl },
    });
    expect(h.logs.some((l) => l.msg === 'store: the delivered Meet is recorded')).toBe(true);
    expect(JSON.stringify(h.logs)).not.toContain('31415926');
  });
});

describe('PostgreSQL drops every connection during a create, then comes back', () => {
  let sandbox: Sandbox;
  let slack: FakeSlackApi;
  let proxy: TcpProxy;
  let schema: TestSchema;
  let app: RunningApp;
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    sandbox = await startSandbox();
    slack = await startFakeSlackApi();
    addDefaultUsers(slack);
    schema = await createTestSchema();
    const target = new URL(testDatabaseUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(schema.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const config = testConfig({
      ...slackAppEnv(sandbox, slack, signingSecret),
      DATABASE_URL: viaProxy.toString(),
      METRICS_PORT: '0',
    });
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
        done();
      },
    });
    app = await startApp({
      config,
      logger: createLogger({ level: 'info', destination }),
      scheduler: false,
    });
  });

  afterAll(async () => {
    proxy.restore();
    await app.close();
    await proxy.close();
    await schema.drop();
    await slack.close();
    await sandbox.close();
  });

  async function slash(text: string, id: string): Promise<void> {
    const sent = await sendSlash(app.url, slack, text, { responseId: id, triggerId: `trigger.${id}` });
    expect(sent.status).toBe(200);
  }

  async function ready(): Promise<{ status: number; body: { checks: Record<string, string> } }> {
    const res = await request(`${app.url}/readyz`);
    return { status: res.statusCode, body: (await res.body.json()) as { checks: Record<string, string> } };
  }

  /** The sum of `meetbot_store_errors_total` over its operations, as the StoreErrors alert reads it. */
  async function storeErrors(): Promise<{ total: number; labels: string[] }> {
    const scrape = await request(app.metricsUrl ?? '');
    const samples = [...parseScrape(await scrape.body.text())].filter(([k]) =>
      k.startsWith('meetbot_store_errors_total'),
    );
    return { total: samples.reduce((sum, [, v]) => sum + v, 0), labels: samples.map(([k]) => k) };
  }

  it('delivers the Meet, says 503 while the database is away, and works again without a restart', async () => {
    expect((await ready()).status).toBe(200);
    const errorsBefore = (await storeErrors()).total;
    sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 800 });
    await slash('interview <@UINT|ian> jane@example.com "During the outage"', 'outage');
    await eventually(
      () => sandbox.requests.some((r) => r.method === 'POST' && r.path === '/v1/meetings'),
      'the create to reach the Meet API',
    );
    proxy.cut();

    const inChannel = await waitForChannelMessage(slack, 'During the outage');
    const meeting = sandbox.meetings.at(-1)!;
    expect(JSON.stringify(inChannel.body)).toContain(meeting.joinUrl);
    const privately = await slack.waitFor(() =>
      slack.responses.find(
        (r) =>
          r.id === 'outage' && r.body.response_type === 'ephemeral' && JSON.stringify(r.body).includes(meeting.code),
      ),
    );
    expect(JSON.stringify(privately.body)).toMatch(/\d{8}/);

    const away = await ready();
    expect(away.status).toBe(503);
    expect(away.body.checks.store).not.toBe('ok');
    // Counted at /metrics by operation (a bounded label: never a value, a code or a channel).
    const counted = await storeErrors();
    expect(counted.total).toBeGreaterThan(errorsBefore);
    for (const label of counted.labels) expect(label).toMatch(/^meetbot_store_errors_total\{operation="[a-zA-Z ]+"\}$/);

    proxy.restore();
    await eventually(async () => (await ready()).status === 200, '/readyz to answer 200 again');
    await slash('meeting <@UBOB|bob> "After the outage"', 'after');
    await waitForChannelMessage(slack, 'After the outage');
    const rows = await eventually(async () => {
      const found = await app.store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 5 });
      return found.length === 2 ? found : undefined;
    }, 'both Meets in the audit log');
    expect(rows.map((r) => r.title).sort()).toEqual(['After the outage', 'During the outage']);
    // The pool's dropped idle connections were logged, not fatal; the Meet's records were retried.
    const said = logs.map((l) => l.msg);
    expect(said).toContain('store: idle PostgreSQL connection failed');
    expect(said).toContain('store: could not record a delivered Meet yet; retrying');
    await eventually(() => logs.some((l) => l.msg === 'store: the delivered Meet is recorded'), 'the retry to succeed');
  });
});
