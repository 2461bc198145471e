import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudAdapter } from 'botbuilder';
import { createSilentLogger } from '../../src/logger';
import { createBotAuthentication, hasBearerToken } from '../../src/teams/auth';
import { createMessagesRoute, parseActivity } from '../../src/teams/http-shim';

/** A request from `remoteAddress` with `body`, and a response that records what was written. */
function exchange(remoteAddress: string, body: string, headers: Record<string, string> = {}) {
  const req = Object.assign(new EventEmitter(), {
    method: 'POST',
    url: '/api/messages',
    headers: { host: 'localhost:3978', 'content-type': 'application/json', ...headers },
    socket: { remoteAddress },
    resume() {
      return req;
    },
  });
  const written: { status?: number; body?: string } = {};
  const res = {
    writeHead(status: number) {
      written.status = status;
      return res;
    },
    end(text?: string) {
      written.body = text;
    },
  };
  setImmediate(() => {
    req.emit('data', Buffer.from(body));
    req.emit('end');
  });
  return { req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse, written };
}

describe('POST /api/messages in the Emulator mode (TEAMS_EMULATOR=1)', () => {
  const ran: string[] = [];
  const auth = createBotAuthentication({ mode: 'emulator' });
  const route = createMessagesRoute({
    adapter: new CloudAdapter(auth),
    logic: async (context) => {
      ran.push(context.activity.type);
    },
    mode: 'emulator',
    authenticate: (activity, authorization) => auth.authenticateRequest(activity, authorization),
    logger: createSilentLogger(),
  });
  beforeEach(() => {
    ran.length = 0;
  });
  const message = JSON.stringify({
    type: 'message',
    id: '1',
    text: 'help',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'c1' },
    from: { id: 'u1' },
    recipient: { id: 'b1' },
  });

  test.each(['203.0.113.5', '10.0.0.2', '::ffff:192.168.1.9', '2001:db8::1'])(
    'a caller at %s gets 401 and nothing runs',
    async (address) => {
      const { req, res, written } = exchange(address, message);
      await route.handle(req, res);
      expect(written).toEqual({ status: 401, body: JSON.stringify({ error: 'unauthorized' }) });
      expect(ran).toEqual([]);
    },
  );

  test.each<Record<string, string>>([
    { forwarded: 'for=203.0.113.5' },
    { 'x-forwarded-for': '203.0.113.5' },
    { 'x-real-ip': '203.0.113.5' },
    { 'cf-connecting-ip': '203.0.113.5' },
    { 'x-forwarded-host': 'bot.example.com' },
    { via: '1.1 tunnel' },
    { host: 'abc.trycloudflare.com' },
    { host: 'localhost@evil.example' },
    { origin: 'https://evil.example' },
  ])('a loopback caller with %j (a proxy, a tunnel, a web page) gets 401 and nothing runs', async (headers) => {
    const { req, res, written } = exchange('127.0.0.1', message, headers);
    await route.handle(req, res);
    expect(written).toEqual({ status: 401, body: JSON.stringify({ error: 'unauthorized' }) });
    expect(ran).toEqual([]);
  });

  test.each(['127.0.0.1', '127.8.0.1', '::1', '::ffff:127.0.0.1'])(
    'a loopback caller at %s is served',
    async (address) => {
      const { req, res, written } = exchange(address, message);
      await route.handle(req, res);
      expect(written.status).toBe(200);
      expect(ran).toEqual(['message']);
    },
  );
});

describe('request checks', () => {
  test('only a JSON object with a string type is an activity', () => {
    expect(parseActivity('{"type":"message"}')).toEqual({ type: 'message' });
    for (const text of ['', 'null', '[]', '"message"', '{"type":1}', '{"type":""}', '{"text":"x"}', '{oops']) {
      expect(parseActivity(text)).toBeUndefined();
    }
  });

  test('bearer headers', () => {
    expect(hasBearerToken('Bearer abc.def.ghi')).toBe(true);
    expect(hasBearerToken('Basic abc')).toBe(false);
    expect(hasBearerToken('Bearer ')).toBe(false);
    expect(hasBearerToken(undefined)).toBe(false);
  });
});
