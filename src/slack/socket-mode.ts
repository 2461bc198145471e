import { performance } from 'node:perf_hooks';
import { type Logger as BoltLogger, SocketModeReceiver } from '@slack/bolt';
import { AppError } from '../core/errors';
import type { Logger } from '../logger';
import { metrics } from '../metrics/metrics';

/**
 * Socket Mode: meetbot dials out to Slack over a WebSocket (development behind a firewall, no
 * public Request URL). We build Bolt's receiver ourselves rather than let `new App({ socketMode })`
 * do it, so that:
 *  - `apps.connections.open` goes to SLACK_API_URL, with the socket client's own retries (the call
 *    is idempotent; the bot's posts keep `retries: 0`): a network blip reconnects, it never crashes;
 *  - what the socket client logs at debug level — every raw envelope (commands, form values,
 *    Slack's verification token) and the connection URL with its one-time ticket — is cut down to
 *    the envelope type and id before it reaches our log;
 *  - `stop()` waits until the socket is closed (Bolt's `stop()` returns before);
 *  - acks, which go back over the socket and not as HTTP answers, are counted and timed like the
 *    HTTP ones (`timeAcks`).
 */

export interface SocketMode {
  receiver: SocketModeReceiver;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSocketMode(options: {
  appToken: string;
  apiUrl: string;
  boltLogger: BoltLogger;
  logger: Logger;
}): SocketMode {
  const { logger } = options;
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger: scrubbing(options.boltLogger),
    installerOptions: { clientOptions: { slackApiUrl: options.apiUrl, timeout: 10_000 } },
  });
  const client = receiver.client;
  let started = false;
  timeAcks(client);
  client.on('connected', () => logger.info('Slack Socket Mode: connected'));
  client.on('reconnecting', () => logger.info('Slack Socket Mode: reconnecting'));
  client.on('disconnected', () => {
    if (started) logger.info('Slack Socket Mode: disconnected');
  });

  return {
    receiver,
    async start() {
      started = true;
      try {
        await receiver.start();
      } catch (error) {
        await client.disconnect().catch(() => undefined);
        throw toStartError(error, options.apiUrl);
      }
    },
    async stop() {
      if (!started) return;
      started = false;
      await client.disconnect();
    },
  };
}

/** An envelope Slack stopped waiting for (it gives up after 3 s) is forgotten after this long. */
const forgetUnackedMs = 60_000;

/**
 * Each envelope is counted when it arrives and its ack timed when it leaves (the socket client
 * emits `outgoing_message` for each ack): envelopes minus acks is what went unacknowledged.
 * Bolt's listener, registered before ours, reaches an ack only after an `await` (authorize), so
 * ours has noted the arrival by then.
 */
function timeAcks(client: SocketModeReceiver['client']): void {
  const arrived = new Map<string, number>();
  client.on('slack_event', (event: { envelope_id?: string }) => {
    metrics.slackSocketEnvelopes.inc();
    const now = performance.now();
    // Oldest first (insertion order): drop what was never acked, so the map stays small.
    for (const [id, at] of arrived) {
      if (now - at < forgetUnackedMs) break;
      arrived.delete(id);
    }
    if (event.envelope_id) arrived.set(event.envelope_id, now);
  });
  client.on('outgoing_message', (message: { envelope_id?: string }) => {
    const at = message.envelope_id === undefined ? undefined : arrived.get(message.envelope_id);
    if (at === undefined || message.envelope_id === undefined) return;
    arrived.delete(message.envelope_id);
    metrics.slackAckSeconds.observe((performance.now() - at) / 1000);
  });
}

/** Why Socket Mode could not start, in words an operator can act on, never with the token. */
function toStartError(error: unknown, apiUrl: string): AppError {
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  const slackCode = e.data?.error;
  if (e.code === 'slack_webapi_platform_error' && slackCode) {
    return new AppError(
      'config_invalid',
      `Slack refused SLACK_APP_TOKEN (${slackCode}): use an app-level token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens, and turn Socket Mode on`,
      { cause: error },
    );
  }
  return new AppError(
    'platform_error',
    `Slack Socket Mode could not connect through ${apiUrl}: ${scrub(e.message ?? String(error))}`,
    { cause: error },
  );
}

const rawEnvelopeLine =
  /^(Received a message on the WebSocket|Sending a WebSocket message|Unable to parse an incoming WebSocket message|Calling ack\(\))/;

/** A log line of the socket client without envelope contents, tickets or tokens. */
export function scrub(line: string): string {
  const raw = rawEnvelopeLine.exec(line);
  if (raw) {
    const type = /"type":"([\w.-]+)"/.exec(line)?.[1] ?? /type: ([\w.-]+)/.exec(line)?.[1];
    const envelopeId = /"?envelope_id"?:\s*"?([\w.-]+)/.exec(line)?.[1];
    const facts = [type && `type ${type}`, envelopeId && `envelope_id ${envelopeId}`].filter(Boolean).join(', ');
    return `${raw[1]}${facts ? ` (${facts})` : ''} [contents not logged]`;
  }
  return line.replace(/([?&]ticket=)[^&"\s]+/g, '$1[redacted]').replace(/\bx(app|ox[a-z])-[\w-]+/g, '[redacted]');
}

function scrubbing(inner: BoltLogger): BoltLogger {
  const clean = (msg: unknown[]) =>
    msg.map((m) => scrub(typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m)));
  return {
    ...inner,
    debug: (...msg: unknown[]) => inner.debug(...clean(msg)),
    info: (...msg: unknown[]) => inner.info(...clean(msg)),
    warn: (...msg: unknown[]) => inner.warn(...clean(msg)),
    error: (...msg: unknown[]) => inner.error(...clean(msg)),
  };
}
