import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from './http-route';
import type { Logger } from './logger';

/** What `/readyz` may say about a check: its state, never a reason (the reason is logged). */
export type CheckState = 'ok' | 'unavailable' | 'shutting down';

export interface ReadyReport {
  ok: boolean;
  checks: Record<string, CheckState>;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes idle sockets. */
  close(graceMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  routes: Route[];
  logger: Logger;
  ready?: () => Promise<ReadyReport>;
}

/**
 * The one HTTP server: `/healthz`, `/readyz`, and the routes the adapters mount. Bodies are left
 * unread: each route reads its own (Bolt needs the raw bytes to check signatures).
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { routes, logger } = options;
  let draining = false;
  const server = createServer((req, res) => {
    if (draining) res.setHeader('connection', 'close');
    // A request in flight when the shutdown began leaves a keep-alive socket behind, which would
    // hold `server.close()` for the client's idle timeout: close it as soon as it is answered.
    res.once('finish', () => {
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    void dispatch(req, res).catch((error: unknown) => {
      logger.error({ err: error, path: pathOf(req) }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req);
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (path === '/readyz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const report: ReadyReport = draining
        ? { ok: false, checks: { server: 'shutting down' } }
        : options.ready
          ? await options.ready()
          : { ok: true, checks: {} };
      sendJson(res, report.ok ? 200 : 503, report);
      return;
    }
    const matching = routes.filter((r) => r.path === path);
    if (matching.length === 0) {
      sendJson(res, 404, { error: `no such endpoint: ${path}` });
      return;
    }
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      res.setHeader('allow', matching.map((r) => r.method).join(', '));
      sendJson(res, 405, { error: `${req.method} is not allowed on ${path}` });
      return;
    }
    await route.handle(req, res);
  }

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve({ url: `http://${shownHost}:${address.port}`, port: address.port });
        });
      });
    },
    close(graceMs = 10_000) {
      draining = true;
      return new Promise((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
