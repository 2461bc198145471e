import { Agent, get } from 'node:http';
import { request } from 'undici';
import { createSilentLogger } from '../src/logger';
import { createHttpServer, type HttpServer } from '../src/server';
import { eventually } from './fixtures/eventually';

describe('the HTTP server', () => {
  let http: HttpServer;
  let url: string;
  let ready = true;

  beforeAll(async () => {
    http = createHttpServer({
      logger: createSilentLogger(),
      ready: async () => ({ ok: ready, checks: { store: ready ? 'ok' : 'unavailable' } }),
      routes: [
        {
          method: 'POST',
          path: '/echo',
          handle: (_req, res) => {
            res.end('posted');
          },
        },
        {
          method: 'GET',
          path: '/boom',
          handle: () => {
            throw new Error('secret detail that must not leak');
          },
        },
      ],
    });
    ({ url } = await http.listen(0, '127.0.0.1'));
  });

  afterAll(() => http.close(100));

  test('/healthz answers 200', async () => {
    const res = await request(`${url}/healthz`);
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ ok: true });
  });

  test('/readyz follows the readiness checks', async () => {
    ready = false;
    const down = await request(`${url}/readyz`);
    expect(down.statusCode).toBe(503);
    expect(await down.body.json()).toEqual({ ok: false, checks: { store: 'unavailable' } });
    ready = true;
    const up = await request(`${url}/readyz`);
    expect(up.statusCode).toBe(200);
    await up.body.dump();
  });

  test('routes match path and method; others get 404 and 405', async () => {
    const ok = await request(`${url}/echo?x=1`, { method: 'POST', body: '' });
    expect(await ok.body.text()).toBe('posted');
    const missing = await request(`${url}/nope`);
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
    const wrong = await request(`${url}/echo`);
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    await wrong.body.dump();
  });

  test('a failing route answers 500 without its error text', async () => {
    const res = await request(`${url}/boom`);
    expect(res.statusCode).toBe(500);
    expect(await res.body.text()).not.toContain('secret detail');
  });
});

describe('graceful shutdown', () => {
  /** A server whose GET /slow answers `finished` only when the test calls `release()`. */
  function slowServer() {
    const state = { arrived: false, release: () => {} };
    const http = createHttpServer({
      logger: createSilentLogger(),
      routes: [
        {
          method: 'GET',
          path: '/slow',
          handle: (_req, res) =>
            new Promise<void>((resolve) => {
              state.arrived = true;
              state.release = () => {
                res.end('finished');
                resolve();
              };
            }),
        },
      ],
    });
    return { http, state };
  }

  test('a request in flight finishes; new connections are refused', async () => {
    const { http, state } = slowServer();
    const { url } = await http.listen(0, '127.0.0.1');
    const inFlight = request(`${url}/slow`).then((r) => r.body.text());
    await new Promise((r) => setTimeout(r, 50));
    const closed = http.close(5_000);
    await expect(request(`${url}/healthz`)).rejects.toThrow();
    state.release();
    await expect(inFlight).resolves.toBe('finished');
    await closed;
  });

  test('a keep-alive connection whose request was in flight is closed once it is answered, not left to its idle timeout', async () => {
    const { http, state } = slowServer();
    const { port } = await http.listen(0, '127.0.0.1');
    const agent = new Agent({ keepAlive: true });
    const answered = new Promise<{ body: string; socketClosed: Promise<void> }>((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port, path: '/slow', agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ body, socketClosed: new Promise((done) => req.socket?.once('close', () => done())) }),
        );
      });
      req.on('error', reject);
    });
    await eventually(() => state.arrived, 'the request to arrive');
    const closed = http.close(30_000);
    state.release();
    const { body, socketClosed } = await answered;
    expect(body).toBe('finished');
    // The server closes the connection itself (keepAliveTimeout is 5 s; a generous bound against that wait).
    const started = Date.now();
    await socketClosed;
    await closed;
    expect(Date.now() - started).toBeLessThan(4_000);
    agent.destroy();
  });
});
