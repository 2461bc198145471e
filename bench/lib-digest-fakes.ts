import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback fakes for the digest benchmark: a Meet API that serves generated usage and feedback
 * for any tenant and counts requests, and a "platform" that accepts posted messages.
 */

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** `meetsPerWeek` Meets per tenant, spread over [from, to]; a tenth as many feedbacks. */
export async function startFakeMeetApi(meetsPerWeek: number) {
  const counts = { token: 0, usage: 0, feedbacks: 0 };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    await readBody(req);
    if (req.method === 'POST' && url.pathname === '/v1/token') {
      counts.token += 1;
      return json(res, 200, { access_token: 'bench-token', expires_at: Math.floor(Date.now() / 1000) + 3600 });
    }
    const from = Date.parse(url.searchParams.get('from') ?? '');
    const to = Date.parse(url.searchParams.get('to') ?? '');
    const span = to - from;
    const n = Math.round((meetsPerWeek * span) / (7 * 86_400_000));
    const at = (i: number) => new Date(from + Math.floor((span * (i + 0.5)) / Math.max(1, n))).toISOString();
    if (url.pathname.startsWith('/v1/usage')) {
      counts.usage += 1;
      return json(
        res,
        200,
        Array.from({ length: n }, (_, i) => ({
          code: `code${i}`,
          title: `Meet ${i}`,
          participants: 2 + (i % 5),
          createdAt: at(i),
          totalDurationInSeconds: 300 + ((i * 733) % 5400),
          billableDurationInSeconds: 240 + ((i * 733) % 5000),
          isFree: i % 4 === 0,
          isSubscriptionCovered: i % 3 !== 0,
        })),
      );
    }
    if (url.pathname.startsWith('/v1/feedbacks')) {
      counts.feedbacks += 1;
      const m = Math.ceil(n / 10);
      return json(
        res,
        200,
        Array.from({ length: m }, (_, i) => ({ rating: 1 + (i % 5), text: `comment ${i}`, timestamp: at(i * 10) })),
      );
    }
    return json(res, 404, { status: 404 });
  });
  const url = await listen(server);
  return { url, counts, close: () => close(server) };
}

/** Accepts POST /post/{channel} with any JSON body; answers a message id. */
export async function startFakePlatform() {
  let received = 0;
  let bytes = 0;
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    received += 1;
    bytes += body.length;
    json(res, 200, { ok: true, id: `m${received}` });
  });
  server.keepAliveTimeout = 10_000;
  const url = await listen(server);
  return {
    url,
    stats: () => ({ received, bytes }),
    close: () => close(server),
  };
}
