import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';
import { startFakeBotConnector } from '../fixtures/fake-bot-connector';

const bin = join(__dirname, '..', '..', 'bin', 'meetbot.js');
const reportBotbuilder = join(__dirname, '..', 'fixtures', 'report-botbuilder-loaded.js');

/** Children still running when a test ends (it failed half-way) are stopped, so jest can exit. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

interface Served {
  url: string;
  lines: Array<{ msg: string; level: number; url?: string }>;
  /** SIGTERM, then the exit code and everything the process wrote on stderr. */
  stop(): Promise<{ code: number | null; stderr: string }>;
}

/** `meetbot serve` in a child process with `env` (and preloaded modules), once it says where it listens. */
async function serve(env: Record<string, string>, preload: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [...preload.flatMap((p) => ['--require', p]), bin, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:', ...env },
  });
  running.add(child);
  const lines: Served['lines'] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        const line = JSON.parse(buffer.slice(0, newline)) as Served['lines'][number];
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        // The start lines come one after the other: the last one (Database) means all are there.
        if (line.msg.startsWith('Database:')) {
          const listening = lines.find((l) => l.msg.startsWith('meetbot listening on'));
          if (listening?.url) resolve(listening.url);
        }
        newline = buffer.indexOf('\n');
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    lines,
    async stop() {
      child.kill('SIGTERM');
      return { code: await exited, stderr };
    },
  };
}

async function postActivity(
  url: string,
  serviceUrl = 'http://127.0.0.1:9',
): Promise<{ status: number; body: unknown }> {
  const res = await request(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: '1',
      channelId: 'emulator',
      serviceUrl,
      conversation: { id: 'conv1' },
      from: { id: 'user1' },
      recipient: { id: 'bot1' },
      text: 'usage last week',
    }),
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
}

describe('meetbot serve (npm start) on a fresh setup', () => {
  test('starts with the embedded sandbox, serves health and readiness, stops on SIGTERM', async () => {
    const served = await serve({});

    expect(served.lines.map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/embedded Meet sandbox at http:\/\/127\.0\.0\.1:\d+/),
    );
    const health = await request(`${served.url}/healthz`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    const ready = await request(`${served.url}/readyz`);
    expect(await ready.body.json()).toEqual({ ok: true, checks: { store: 'ok', meetApi: 'ok' } });
    expect(ready.statusCode).toBe(200);

    const { code } = await served.stop();
    expect(code).toBe(0);
    expect(served.lines.map((l) => l.msg)).toContain('stopped');
  });
});

describe('Teams at start', () => {
  test('off without an app id: the start line says how to turn it on, activities get 403, botbuilder is never loaded', async () => {
    const served = await serve({}, [reportBotbuilder]);

    expect(served.lines).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: expect.stringMatching(/^Teams: off \(set MICROSOFT_APP_ID .* or TEAMS_EMULATOR=1 /),
      }),
    );
    const res = await postActivity(served.url);
    expect(res).toEqual({ status: 403, body: { error: expect.stringContaining('set MICROSOFT_APP_ID') } });

    const { code, stderr } = await served.stop();
    expect(code).toBe(0);
    expect(stderr).toContain('botbuilder modules loaded: 0\n');
  });

  test('TEAMS_EMULATOR=1: a warning at start, local activities are served, botbuilder is loaded', async () => {
    const served = await serve({ TEAMS_EMULATOR: '1' }, [reportBotbuilder]);
    const connector = await startFakeBotConnector();

    expect(served.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: expect.stringMatching(
          /^Teams: Emulator mode \(TEAMS_EMULATOR=1\): \S+\/api\/messages accepts activities WITHOUT authentication/,
        ),
      }),
    );
    expect((await postActivity(served.url, connector.url)).status).toBe(200);
    const [reply] = await connector.waitForSent(1);
    expect(reply.conversationId).toBe('conv1');
    await connector.close();

    const { code, stderr } = await served.stop();
    expect(code).toBe(0);
    expect(stderr).toMatch(/botbuilder modules loaded: [1-9]\d*\n/);
  });

  test('TEAMS_EMULATOR=1 together with MICROSOFT_APP_ID stops the start with one message naming both', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        DATABASE_URL: 'sqlite::memory:',
        TEAMS_EMULATOR: '1',
        MICROSOFT_APP_ID: '3f1c2a6e-8b9d-4e0f-a1b2-c3d4e5f60718',
        MICROSOFT_APP_PASSWORD: 'client-secret',
        MICROSOFT_APP_TENANT_ID: 'a1b2c3d4-0000-4000-8000-00000000aaaa',
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('meetbot cannot start');
    expect(stderr).toContain('TEAMS_EMULATOR=1 and MICROSOFT_APP_ID exclude each other');
    expect(stderr).not.toContain('client-secret');
  });
});
