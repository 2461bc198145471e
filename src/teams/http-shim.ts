import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Route } from '../http-route';
import type { Logger } from '../logger';
import { hasBearerToken, isLoopbackAddress } from './auth';

export interface MessagesRouteOptions {
  adapter: CloudAdapter;
  /** The bot's turn logic (`bot.run`). */
  logic: (context: TurnContext) => Promise<void>;
  /** Set: botbuilder checks each request's token. Unset: loopback callers only (the Emulator). */
  appId?: string;
  logger: Logger;
  maxBodyBytes?: number;
}

type Outcome = { status: number; body?: unknown };

/**
 * `POST /api/messages` over node:http: reads and checks the body ourselves (CloudAdapter expects a
 * parsed one and throws on garbage), gates callers, then hands the activity to CloudAdapter. The
 * adapter's own error text (which may name internals) is replaced before it leaves the process.
 */
export function createMessagesRoute(options: MessagesRouteOptions): Route {
  const { adapter, logic, appId, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!appId && !isLoopbackAddress(req.socket.remoteAddress)) {
      logger.warn({ remote: req.socket.remoteAddress }, 'teams: refused a non-loopback caller (no MICROSOFT_APP_ID)');
      req.resume();
      return send(res, { status: 401, body: { error: 'unauthorized' } });
    }
    if (appId && !hasBearerToken(req.headers.authorization)) {
      req.resume();
      return send(res, { status: 401, body: { error: 'unauthorized' } });
    }
    const read = await readBody(req, maxBodyBytes);
    if (!read.ok) return send(res, { status: read.status, body: { error: read.error } });
    const activity = parseActivity(read.text);
    if (!activity) return send(res, { status: 400, body: { error: 'the body is not a Bot Framework activity' } });

    const outcome: Outcome = { status: 200 };
    const shim = {
      socket: req.socket,
      status(code: number) {
        outcome.status = code;
        return shim;
      },
      send(body: unknown) {
        outcome.body = body;
        return shim;
      },
      header() {
        return shim;
      },
      end() {
        return shim;
      },
    };
    await adapter.process({ method: 'POST', headers: req.headers, body: activity }, shim, logic);
    send(res, sanitize(outcome, logger));
  }

  return { method: 'POST', path: '/api/messages', handle };
}

function sanitize(outcome: Outcome, logger: Logger): Outcome {
  if (outcome.status === 401 || outcome.status === 403) {
    logger.warn({ status: outcome.status, reason: String(outcome.body ?? '') }, 'teams: request not authenticated');
    return { status: 401, body: { error: 'unauthorized' } };
  }
  if (outcome.status >= 500) {
    logger.error({ status: outcome.status, reason: String(outcome.body ?? '') }, 'teams: adapter failed');
    return { status: outcome.status, body: { error: 'internal error' } };
  }
  if (outcome.status >= 400) return { status: outcome.status, body: { error: 'bad request' } };
  return outcome;
}

function send(res: ServerResponse, outcome: Outcome): void {
  if (outcome.body === undefined) {
    res.writeHead(outcome.status, { 'content-length': 0 });
    res.end();
    return;
  }
  const text = JSON.stringify(outcome.body);
  res.writeHead(outcome.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

type BodyRead = { ok: true; text: string } | { ok: false; status: number; error: string };

function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, status: 413, error: 'the body is too large' });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
      done = true;
    });
    req.on('error', () => {
      if (!done) resolve({ ok: false, status: 400, error: 'the body could not be read' });
      done = true;
    });
  });
}

/** A JSON object with a non-empty string `type`, or nothing. */
export function parseActivity(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && type.length > 0 ? (value as Record<string, unknown>) : undefined;
}
