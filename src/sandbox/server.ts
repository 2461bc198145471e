import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import type { Meeting } from '../meet/schemas';
import { createFaultList, type SandboxFault } from './faults';
import { maxBodyBytes, readBody, redactSecret, send } from './http-io';
import { problem, problemBody, type Reply } from './problem';
import { createRoutes, matchRoute } from './routes';
import { seedState } from './seed';
import { createState } from './state';
import { createTokenStore, unauthorized } from './tokens';

export type { SandboxFault } from './faults';

export interface SandboxOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 'sandbox-key'. */
  clientKey?: string;
  /** Default 'sandbox-secret'. */
  clientSecret?: string;
  /** Default 3600. */
  tokenTtlSeconds?: number;
  /** Unit of expires_at in token responses; default 'seconds'. */
  expiresAtUnit?: 'seconds' | 'milliseconds';
  /** Default () => new Date(). */
  now?: () => Date;
  /** Default true: realistic demo usage/feedback/addon configurations. */
  seed?: boolean;
  /**
   * How fast Meets created here live: they start a minute after creation, run their duration and
   * leave a rating a minute after the end, at this many minutes per minute. Default 1 (real time).
   */
  speed?: number;
  /** Added to every response (demo of a slow API); default 0. */
  latencyMs?: number;
  /** The sandbox logs nothing without one; with one, one line per request (method, path, status). */
  logger?: Logger;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorized: boolean;
  at: Date;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:43123 (no trailing slash) */
  url: string;
  port: number;
  /** Every request received, in order (token requests too; client_secret replaced by '[redacted]'). */
  requests: RecordedRequest[];
  /** Meets created, in order. */
  meetings: Meeting[];
  injectFault(fault: SandboxFault): void;
  clearFaults(): void;
  /** Every issued token becomes invalid (the next call gets 401). */
  expireTokens(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? (() => new Date());
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`sandbox speed must be above 0, got ${speed}`);
  const state = createState(now, speed);
  if (options.seed ?? true) seedState(state);
  const tokens = createTokenStore({
    clientKey: options.clientKey ?? 'sandbox-key',
    clientSecret: options.clientSecret ?? 'sandbox-secret',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    expiresAtUnit: options.expiresAtUnit ?? 'seconds',
    tenantId: state.tenants[0]!.id,
    now,
  });
  const routes = createRoutes(state, tokens);
  const faults = createFaultList();
  const requests: RecordedRequest[] = [];
  const logger = options.logger;
  const latencyMs = options.latencyMs ?? 0;

  // Pending waits end (and their requests are abandoned) on close(), so jest is never held open.
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number | 'dropped'> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    const routePath = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const body = await readBody(req);
    const authState = tokens.check(req.headers.authorization);
    requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body:
        body.kind === 'json' ? redactSecret(routePath, body.value) : body.kind === 'invalid' ? body.text : undefined,
      authorized: authState === 'ok',
      at: now(),
    });

    if (latencyMs > 0) await sleep(latencyMs);
    const fault = faults.take(method, path);
    if (fault) {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.drop) {
        req.socket.destroy();
        return 'dropped';
      }
      if (fault.status !== undefined) {
        send(res, { status: fault.status, body: fault.body ?? problemBody(fault.status), headers: fault.headers });
        return fault.status;
      }
    }

    const reply = route();
    send(res, reply);
    return reply.status;

    function route(): Reply {
      let match: ReturnType<typeof matchRoute>;
      try {
        match = matchRoute(routes, method, routePath);
      } catch {
        return problem(400, 'the path is not valid percent-encoding');
      }
      if (match.kind === 'none') return problem(404, `no endpoint ${method} ${path}`);
      if (match.kind === 'wrong-method') {
        return problem(405, `${path} does not accept ${method}`, { allow: match.allow.join(', ') });
      }
      if (body.kind === 'too-large') return problem(413, `the body is larger than ${maxBodyBytes} bytes`);
      if (match.route.auth && authState !== 'ok') {
        return unauthorized(
          authState === 'missing'
            ? 'an Authorization: bearer <token> header is required'
            : authState === 'expired'
              ? 'the token has expired'
              : 'the token is not valid',
        );
      }
      // As in ASP.NET, authentication comes before the body is bound.
      if (body.kind === 'invalid') return problem(400, 'the body is not valid JSON');
      return match.route.handle({
        body: body.kind === 'json' ? body.value : undefined,
        query: Object.fromEntries(url.searchParams),
        params: match.params,
      });
    }
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    handle(req, res).then(
      (status) => logger?.info({ method: req.method, path: req.url?.split('?')[0], status, ms: Date.now() - started }),
      (error: unknown) => {
        logger?.error({ err: error, method: req.method }, 'sandbox request failed');
        if (!res.headersSent) send(res, problem(500, 'the sandbox failed to handle the request'));
        else res.destroy();
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address, family } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  // Listening on every interface: the URL to give a client is still loopback.
  const reachable = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  const host = family === 'IPv6' ? `[${reachable}]` : reachable;

  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    meetings: state.meetings,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    expireTokens: () => tokens.expireAll(),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
