import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Route } from '../http-route';
import type { Logger } from '../logger';
import { metrics } from '../metrics/metrics';
import { hasBearerToken } from './auth';
import { localRequestProblem, serviceUrlProblem } from './local-gate';

export interface MessagesRouteOptions {
  adapter: CloudAdapter;
  /** The bot's turn logic (`bot.run`). */
  logic: (context: TurnContext) => Promise<void>;
  /**
   * `bot`: every request carries a Bot Framework token for our app id. `emulator` (TEAMS_EMULATOR=1):
   * no token, so only requests from this machine that name a loopback serviceUrl (local-gate.ts).
   */
  mode: 'bot' | 'emulator';
  /** botbuilder's check of the activity's token (auth.ts); a rejection means the request is refused. */
  authenticate(activity: Activity, authorization: string): Promise<unknown>;
  logger: Logger;
  maxBodyBytes?: number;
}

type Outcome = { status: number; body?: unknown };

const unauthorized: Outcome = { status: 401, body: { error: 'unauthorized' } };

/** Activity types as a metric label: the Bot Framework's own, anything else `other` (labels stay bounded). */
const knownTypes = new Set([
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'event',
  'messageReaction',
  'typing',
]);

/**
 * `POST /api/messages` over node:http: gates callers, reads and checks the body ourselves
 * (CloudAdapter expects a parsed one and throws on garbage), checks the token, then hands the
 * activity to CloudAdapter. Nothing of a refused request is processed or stored: no Meet API call,
 * no Bot Connector call. The adapter's own error text (which may name internals) is replaced before
 * it leaves the process.
 */
export function createMessagesRoute(options: MessagesRouteOptions): Route {
  const { adapter, logic, mode, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let type = 'unread';
    // Every answer leaves through here: counted by activity type and status.
    const answer = (outcome: Outcome) => {
      metrics.teamsActivities.inc({ type, status: String(outcome.status) });
      send(res, outcome);
    };
    const refuse = (reason: string) => {
      logger.warn({ reason, remote: req.socket.remoteAddress, mode }, `teams: refused an activity: ${reason}`);
      req.resume();
      answer(unauthorized);
    };
    const authorization = req.headers.authorization;
    if (mode === 'emulator') {
      const problem = localRequestProblem(req);
      if (problem) return refuse(`${problem} (TEAMS_EMULATOR=1 serves this machine only)`);
    } else if (!hasBearerToken(authorization)) {
      return refuse('no Bearer token');
    }
    const read = await readBody(req, maxBodyBytes);
    if (!read.ok) return answer({ status: read.status, body: { error: read.error } });
    const activity = parseActivity(read.text);
    if (!activity) return answer({ status: 400, body: { error: 'the body is not a Bot Framework activity' } });
    type = knownTypes.has(String(activity.type)) ? String(activity.type) : 'other';
    if (mode === 'emulator') {
      const problem = serviceUrlProblem(activity.serviceUrl);
      if (problem) return refuse(`${problem} (TEAMS_EMULATOR=1 answers loopback serviceUrls only)`);
    }
    try {
      await options.authenticate(activity as Partial<Activity> as Activity, authorization ?? '');
    } catch (error) {
      return refuse(`the token was not accepted: ${error instanceof Error ? error.message : String(error)}`);
    }

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
    answer(sanitize(outcome, logger));
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
