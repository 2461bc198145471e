import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';
import { MeetApiError } from '../src/meet/errors';
import { createReadinessCheck } from '../src/readiness';

function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

const tokenOk = { checkToken: async () => undefined };

describe('the readiness check', () => {
  test('a database that never answers: "unavailable" within the budget, the wait in the log', async () => {
    const { lines, logger } = captureLogs();
    const check = createReadinessCheck({
      store: { ping: () => new Promise<void>(() => undefined) },
      meet: tokenOk,
      logger,
      budgetMs: 100,
    });
    const started = Date.now();
    await expect(check()).resolves.toEqual({ ok: false, checks: { store: 'unavailable', meetApi: 'ok' } });
    expect(Date.now() - started).toBeLessThan(2_000); // against a hang: the budget is 100 ms
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'not ready: store unavailable',
        referenceId: expect.any(String),
        checks: { store: { error: 'no answer within the readiness budget of 100 ms' } },
      }),
    ]);
  });

  test('both failing, one throwing before it returns a promise: one line with both reasons', async () => {
    const { lines, logger } = captureLogs();
    const check = createReadinessCheck({
      store: {
        ping: () => {
          throw new Error('SQLITE_CANTOPEN: unable to open database file');
        },
      },
      meet: {
        checkToken: async () => {
          throw new MeetApiError('unauthorized', 'The Meet API refused the API key and secret', { status: 401 });
        },
      },
      logger,
    });
    await expect(check()).resolves.toEqual({ ok: false, checks: { store: 'unavailable', meetApi: 'unavailable' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'not ready: store and meetApi unavailable',
      checks: {
        store: { error: 'SQLITE_CANTOPEN: unable to open database file' },
        meetApi: { error: 'The Meet API refused the API key and secret', code: 'unauthorized', status: 401 },
      },
    });
  });

  test('the Meet check gets the signal of the budget', async () => {
    const { logger } = captureLogs();
    let seen: AbortSignal | undefined;
    const check = createReadinessCheck({
      store: { ping: async () => undefined },
      meet: {
        checkToken: async (options) => {
          seen = options?.signal;
        },
      },
      logger,
      budgetMs: 100,
    });
    await expect(check()).resolves.toEqual({ ok: true, checks: { store: 'ok', meetApi: 'ok' } });
    expect(seen?.aborted).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(seen?.aborted).toBe(true);
  });
});
