import { request } from 'undici';
import { createSilentLogger } from '../src/logger';
import { createHttpServer, type HttpServer } from '../src/server';

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
  test('a request in flight finishes; new connections are refused', async () => {
    let release: () => void = () => {};
    const http = createHttpServer({
      logger: createSilentLogger(),
      routes: [
        {
          method: 'GET',
          path: '/slow',
          handle: (_req, res) =>
            new Promise<void>((resolve) => {
              release = () => {
                res.end('finished');
                resolve();
              };
            }),
        },
      ],
    });
    const { url } = await http.listen(0, '127.0.0.1');
    const inFlight = request(`${url}/slow`).then((r) => r.body.text());
    await new Promise((r) => setTimeout(r, 50));
    const closed = http.close(5_000);
    await expect(request(`${url}/healthz`)).rejects.toThrow();
    release();
    await expect(inFlight).resolves.toBe('finished');
    await closed;
  });
});
