import { Writable } from 'node:stream';
import { request } from 'undici';
import { type RunningApp, startApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { testConfig } from '../fixtures/app-env';

/**
 * `GET /readyz` of the real app (startApp, embedded sandbox, SQLite in memory) with faults
 * injected into the sandbox's token endpoint: the public answer names the failed check only, the
 * log has the reason with a reference id, and the budget holds against a slow Meet API.
 */

const UPSTREAM_WORDS = 'token service degraded: shard tk-eu-7 refused (trace 9f3e1c)';
const BUDGET_MS = 300;

let app: RunningApp;
let logs: Array<Record<string, unknown>>;

beforeEach(async () => {
  logs = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  app = await startApp({
    config: testConfig(),
    logger: createLogger({ level: 'debug', destination }),
    scheduler: false,
    readyBudgetMs: BUDGET_MS,
  });
});

afterEach(() => app.close());

async function readyz(): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  const res = await request(`${app.url}/readyz`);
  const text = await res.body.text();
  return { status: res.statusCode, text, ms: Date.now() - started };
}

const notReadyLines = () => logs.filter((l) => String(l.msg).startsWith('not ready'));
const tokenRequests = () => app.sandbox?.requests.filter((r) => r.path === '/v1/token') ?? [];

describe('GET /readyz', () => {
  test('200 with every check ok, and no log line', async () => {
    const { status, text } = await readyz();
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ ok: true, checks: { store: 'ok', meetApi: 'ok' } });
    expect(notReadyLines()).toEqual([]);
  });

  test("a token endpoint's 500: the public answer names the check, the log has the API's words and a reference id", async () => {
    app.sandbox?.injectFault({
      method: 'POST',
      path: '/v1/token',
      status: 500,
      body: { title: 'Error', detail: UPSTREAM_WORDS },
    });
    const { status, text } = await readyz();

    expect(status).toBe(503);
    expect(text).toBe('{"ok":false,"checks":{"store":"ok","meetApi":"unavailable"}}');
    const [line, ...more] = notReadyLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 40,
      msg: 'not ready: meetApi unavailable',
      referenceId: expect.stringMatching(/^\w{8}$/),
      checks: { meetApi: { code: 'server_error', status: 500, detail: UPSTREAM_WORDS } },
    });
    expect((line.checks as { meetApi: { error: string } }).meetApi.error).toContain('POST /v1/token answered 500');
    expect(JSON.stringify(line)).not.toContain('sandbox-secret');
  });

  test('a slow token endpoint: the answer comes within the budget, and the token request goes on for its other waiters', async () => {
    app.sandbox?.injectFault({ method: 'POST', path: '/v1/token', delayMs: 3_000 });
    // A Meet API call that needs the same token, waiting alongside /readyz without a deadline.
    const configs = app.meet.listAddonConfigurations();

    const slow = await readyz();
    expect(slow.status).toBe(503);
    expect(JSON.parse(slow.text)).toEqual({ ok: false, checks: { store: 'ok', meetApi: 'unavailable' } });
    expect(slow.ms).toBeLessThan(2_500); // a bound against hangs: the budget is 300 ms, the API takes 3 s
    expect(notReadyLines()).toEqual([
      expect.objectContaining({
        referenceId: expect.any(String),
        checks: { meetApi: { error: `no answer within the readiness budget of ${BUDGET_MS} ms` } },
      }),
    ]);

    // The shared token request was not cancelled: the call gets its answer, and the token is cached.
    await expect(configs).resolves.toEqual(expect.any(Array));
    const after = await readyz();
    expect(after.status).toBe(200);
    expect(tokenRequests()).toHaveLength(1);
  });

  test('concurrent probes against a slow Meet API each answer within the budget, sharing one token request', async () => {
    app.sandbox?.injectFault({ method: 'POST', path: '/v1/token', delayMs: 3_000 });
    const answers = await Promise.all([readyz(), readyz(), readyz()]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(2_500);
    }
    expect(tokenRequests()).toHaveLength(1);
    expect(new Set(notReadyLines().map((l) => l.referenceId)).size).toBe(3);
  });
});
