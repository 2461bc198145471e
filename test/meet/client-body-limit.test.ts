import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMeetClient, type MeetClientOptions } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { closeHarnesses, startHarness } from './fixtures/harness';

/**
 * A loopback Meet API whose report endpoint answers what each test scripts; the token endpoint
 * answers normally. `closed` resolves when the client hangs up on the report response.
 */
async function startFakeApi(report: (res: ServerResponse, req: IncomingMessage) => void) {
  let closed!: Promise<void>;
  const server: Server = createServer((req, res) => {
    if (req.url === '/v1/token') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'tok-1', expires_at: Math.floor(Date.now() / 1000) + 3600 }));
      return;
    }
    closed = new Promise((resolve) => res.once('close', () => resolve()));
    report(res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    closed: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const RECORD = JSON.stringify({
  code: 'Xy12Ab34',
  title: 'Weekly sync with the platform team',
  participants: 4,
  createdAt: '2026-11-02T09:00:00.0000000Z',
  totalDurationInSeconds: 1800,
  billableDurationInSeconds: 1800,
  isFree: false,
  isSubscriptionCovered: true,
});

const clients: MeetApi[] = [];
const servers: Array<{ close(): Promise<void> }> = [];

function clientOf(url: string, options: Partial<MeetClientOptions> = {}): MeetApi {
  const client = createMeetClient({
    baseUrl: url,
    clientKey: 'k',
    clientSecret: 's',
    retry: { maxAttempts: 3, minDelayMs: 5, maxDelayMs: 20, maxTotalMs: 5000 },
    ...options,
  });
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await closeHarnesses();
});

describe('Meet client: response bodies over the limit', () => {
  it('a streamed (chunked) body is refused at the limit; the client hangs up instead of reading the rest', async () => {
    const total = 64 * 1024 * 1024;
    let written = 0;
    let finished = false;
    const api = await startFakeApi((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `${RECORD},`.repeat(200);
      const pump = () => {
        while (written < total && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (written >= total) {
          finished = true;
          res.end(`${RECORD}]`);
        }
      };
      res.write('[');
      pump();
    });
    servers.push(api);
    const client = clientOf(api.url, { maxReportBodyBytes: 64 * 1024 });

    const error = await client.getUsage({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MeetApiError', code: 'invalid_response', status: 200, retryable: false });
    expect((error as Error).message).toBe(
      "Meet API GET /v1/usage answered 200 with a body over the client's limit of 64 KB; it was not read",
    );
    await api.closed();
    expect(finished).toBe(false);
    // What the server got rid of before the hang-up: the limit plus what loopback socket buffers hold.
    expect(written).toBeLessThan(total / 4);
  });

  it('a Content-Length over the limit fails before the body is read (the body never comes here)', async () => {
    const api = await startFakeApi((res) => {
      // Says 5 GB, sends one byte, then waits: reading it would hang until the body timeout.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * 1024 ** 3) });
      res.write('[');
    });
    servers.push(api);
    const client = clientOf(api.url, { timeouts: { bodyMs: 60_000 } });

    const error = await client.getFeedbacks({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', status: 200, retryable: false });
    expect((error as Error).message).toContain("over the client's limit of 16 MB");
    await api.closed();
  });

  it('the message names the limit, never the body; nothing of it reaches the error', async () => {
    const { sandbox, seen } = await startHarness();
    const big = Array.from({ length: 100 }, (_, i) => ({
      id: `cfg-${i}`,
      name: `Config number ${i} with passcode 739264`,
    }));
    sandbox.injectFault({ method: 'GET', path: '/v1/addonConfigurations', status: 200, body: big });
    const client = clientOf(sandbox.url, {
      clientKey: 'sandbox-key',
      clientSecret: 'sandbox-secret',
      maxBodyBytes: 2048,
    });

    const error = await client.listAddonConfigurations().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false });
    expect((error as Error).message).toContain("over the client's limit of 2 KB");
    expect(JSON.stringify(error) + (error as Error).message).not.toMatch(/Config number|739264/);
    expect(seen('GET', '/v1/addonConfigurations')).toHaveLength(1);
  });

  it('a 503 with a body over the limit is not retried: the refusal is final', async () => {
    const { sandbox, seen } = await startHarness();
    sandbox.injectFault({
      method: 'GET',
      path: '/v1/addonConfigurations',
      status: 503,
      body: { detail: 'x'.repeat(4096) },
      times: Number.POSITIVE_INFINITY,
    });
    const client = clientOf(sandbox.url, {
      clientKey: 'sandbox-key',
      clientSecret: 'sandbox-secret',
      maxBodyBytes: 1024,
    });
    await expect(client.listAddonConfigurations()).rejects.toMatchObject({ code: 'invalid_response', status: 503 });
    expect(seen('GET', '/v1/addonConfigurations')).toHaveLength(1);
  });

  it('reports get their own, larger limit: a usage report over 1 MB is read, a Meet over 1 MB is not', async () => {
    const records = `[${Array.from({ length: 5000 }, () => RECORD).join(',')}]`;
    expect(records.length).toBeGreaterThan(1024 * 1024);
    const api = await startFakeApi((res, req) => {
      res.writeHead(req.url?.startsWith('/v1/usage') ? 200 : 201, { 'content-type': 'application/json' });
      res.end(
        req.url?.startsWith('/v1/usage')
          ? records
          : JSON.stringify({ code: 'c', joinUrl: 'https://meet.rs/c', pad: records }),
      );
    });
    servers.push(api);
    const client = clientOf(api.url);

    await expect(client.getUsage({})).resolves.toHaveLength(5000);
    await expect(client.createMeeting({ title: 'Standup' })).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining("POST /v1/meetings answered 201 with a body over the client's limit of 1 MB"),
    });
  });

  it.each([
    ['with a Content-Length (read by undici itself)', true],
    ['chunked (read by the capped reader)', false],
  ])(
    'a body within the limit is read whole %s: a BOM skipped, a character split across packets kept',
    async (_how, declared) => {
      const title = 'Entretien: Zoë 😀 — backend';
      const body = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify({ code: 'c', joinUrl: 'https://meet.rs/c', title })),
      ]);
      const splitAt = body.indexOf(Buffer.from('😀')) + 2;
      const api = await startFakeApi((res) => {
        res.writeHead(201, {
          'content-type': 'application/json',
          ...(declared ? { 'content-length': String(body.length) } : {}),
        });
        res.write(body.subarray(0, splitAt));
        setTimeout(() => res.end(body.subarray(splitAt)), 20);
      });
      servers.push(api);
      await expect(clientOf(api.url).createMeeting({ title: 'Standup' })).resolves.toMatchObject({ title });
    },
  );

  it('a body shorter than its Content-Length is a network error; one that stalls is a body timeout', async () => {
    const body = JSON.stringify({ code: 'c', joinUrl: 'https://meet.rs/c', title: 'Standup' });
    let stall = false;
    const api = await startFakeApi((res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.write(body.slice(0, 10));
      if (!stall) setTimeout(() => res.destroy(), 20);
    });
    servers.push(api);
    const client = clientOf(api.url, { timeouts: { bodyMs: 300 } });
    await expect(client.createMeeting({ title: 'Standup' })).rejects.toMatchObject({
      name: 'MeetApiError',
      code: 'network',
    });
    stall = true;
    const error = await client.createMeeting({ title: 'Standup' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MeetApiError', code: 'timeout' });
    expect((error as Error).message).toContain('body timeout');
  });

  it('refuses a limit that is not a positive whole number of bytes', () => {
    expect(() =>
      createMeetClient({ baseUrl: 'http://127.0.0.1:1', clientKey: 'k', clientSecret: 's', maxBodyBytes: 0 }),
    ).toThrow('maxBodyBytes must be a whole number of bytes above 0, got 0');
  });
});
