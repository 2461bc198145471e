import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { createMeetClient } from '../../src/meet/client';
import { startSandbox } from '../../src/sandbox/server';
import { interviewRequest } from './fixtures/harness';

const SECRET = 'sandbox-secret';
const TOKEN = 'tok-7f3a9c2e5b1d';
const PASSCODE = '739264';

function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

function everythingSaid(error: unknown): string {
  const e = error as Error & { detail?: string; cause?: unknown };
  return [e.message, e.detail, e.stack, JSON.stringify(e), String(e.cause), JSON.stringify(e.cause)].join('\n');
}

describe('Meet client: secrets stay out of errors and logs', () => {
  it('an API error that echoes the token, the secret and a passcode is cleaned', async () => {
    const sandbox = await startSandbox({ seed: false, clientSecret: SECRET });
    const { lines, logger } = captureLogs();
    const client = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: SECRET, logger });
    try {
      sandbox.injectFault({
        method: 'POST',
        path: '/v1/token',
        status: 200,
        body: { access_token: TOKEN, expires_at: Math.floor(Date.now() / 1000) + 3600 },
      });
      sandbox.injectFault({
        method: 'POST',
        path: '/v1/meetings',
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: `participants[1]: passcode '${PASSCODE}' refused for ${TOKEN} (key sandbox-key, ${SECRET})`,
        },
      });
      const error = await client.createMeeting(interviewRequest(PASSCODE)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'bad_request', status: 400 });
      expect((error as { detail: string }).detail).toContain('participants[1]');
      const said = everythingSaid(error) + lines.join('');
      for (const secret of [SECRET, TOKEN, PASSCODE]) expect(said).not.toContain(secret);
      expect(lines.join('')).toContain('Meet API call failed');
    } finally {
      await client.close();
      await sandbox.close();
    }
  });

  it('each failed call is logged once, with method, path, status, attempts and duration, without secrets', async () => {
    const sandbox = await startSandbox({ seed: false });
    const { lines, logger } = captureLogs();
    const client = createMeetClient({
      baseUrl: sandbox.url,
      clientKey: 'sandbox-key',
      clientSecret: 'sandbox-secret',
      logger,
      retry: { maxAttempts: 2, minDelayMs: 1, maxDelayMs: 2 },
    });
    try {
      sandbox.injectFault({ method: 'GET', path: '/v1/usage', status: 503, times: 2 });
      await expect(client.getUsage({ from: '2025-01-01T00:00:00Z' })).rejects.toMatchObject({ status: 503 });
      const failures = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'Meet API call failed');
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        method: 'GET',
        path: '/v1/usage',
        status: 503,
        attempts: 2,
        code: 'server_error',
      });
      expect(typeof failures[0].durationMs).toBe('number');

      const rejected = await client
        .createMeeting({
          participants: [{ role: 'Guest', accessRules: [{ provider: 'Passcode', condition: PASSCODE }] }],
          x: 1,
        } as never)
        .catch((e: unknown) => e);
      expect(rejected).toMatchObject({ code: 'invalid_request' });
      expect(everythingSaid(rejected) + lines.join('')).not.toContain(PASSCODE);
      expect(lines.join('')).not.toContain('sandbox-secret');
    } finally {
      await client.close();
      await sandbox.close();
    }
  });

  it('bad credentials: the wrong secret appears nowhere', async () => {
    const sandbox = await startSandbox({ seed: false });
    const { lines, logger } = captureLogs();
    const wrong = 'my-wrong-secret-42';
    const client = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: wrong, logger });
    try {
      const error = await client.checkToken().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'unauthorized' });
      expect(everythingSaid(error) + lines.join('')).not.toContain(wrong);
      expect(lines.join('')).toContain('/v1/token');
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});
