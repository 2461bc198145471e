import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { HTTPReceiver, type InstallationStore } from '@slack/bolt';
import type { Clock } from '../core/clock';
import { AppError } from '../core/errors';
import type { Route } from '../http-route';
import type { Logger } from '../logger';
import { metrics } from '../metrics/metrics';
import { toBoltLogger } from './bolt-logger';
import { requestedBotScopes } from './scopes';

/** Slack signs requests with a timestamp; Bolt rejects only old ones, we reject both directions. */
export const timestampWindowSeconds = 300;

export interface ReceiverOptions {
  signingSecret: string;
  logger: Logger;
  clock: Clock;
  oauth?: { clientId: string; clientSecret: string; stateSecret: string; installationStore: InstallationStore };
  /** Web API options for the OAuth exchange (loopback fake in tests, no retries). */
  clientOptions: Record<string, unknown>;
}

/** True when the `x-slack-request-timestamp` header is a number within 5 minutes of now, either way. */
export function isFreshTimestamp(header: string | string[] | undefined, now: Date): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{1,12}$/.test(value)) return false;
  return Math.abs(now.getTime() / 1000 - Number(value)) <= timestampWindowSeconds;
}

function refuse(res: ServerResponse): void {
  res.writeHead(401, { 'content-type': 'text/plain', connection: 'close' });
  res.end();
}

/**
 * Bolt's HTTPReceiver, mounted on our server as routes instead of listening on its own port.
 * `processBeforeResponse: false`: the ack goes out as soon as a listener calls `ack()`.
 */
export function createSlackReceiver(options: ReceiverOptions): { receiver: HTTPReceiver; routes: Route[] } {
  if (!options.signingSecret.trim()) {
    throw new AppError('config_invalid', 'SLACK_SIGNING_SECRET is empty: Slack requests cannot be verified');
  }
  const log = options.logger.child({ component: 'slack-receiver' });
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logger: toBoltLogger(options.logger),
    ...(options.oauth
      ? {
          clientId: options.oauth.clientId,
          clientSecret: options.oauth.clientSecret,
          stateSecret: options.oauth.stateSecret,
          installationStore: options.oauth.installationStore,
          scopes: [...requestedBotScopes],
          installerOptions: {
            directInstall: true,
            installPath: '/slack/install',
            redirectUriPath: '/slack/oauth_redirect',
            clientOptions: options.clientOptions,
          },
        }
      : {}),
  });
  const listen = (req: IncomingMessage, res: ServerResponse) => {
    try {
      receiver.requestListener(req, res);
    } catch (error) {
      log.error({ err: error }, 'Slack receiver could not handle the request');
      if (!res.headersSent) res.writeHead(500).end();
    }
  };
  const events: Route = {
    method: 'POST',
    path: '/slack/events',
    handle(req, res) {
      // The ack leaves when Bolt answers: what Slack waits for (3 s at most).
      const started = performance.now();
      res.once('finish', () => {
        metrics.slackRequests.inc({ status: String(res.statusCode) });
        if (res.statusCode < 300) metrics.slackAckSeconds.observe((performance.now() - started) / 1000);
      });
      if (!isFreshTimestamp(req.headers['x-slack-request-timestamp'], options.clock())) {
        log.warn(
          { timestamp: req.headers['x-slack-request-timestamp'] },
          'Slack request refused: timestamp outside 5 minutes',
        );
        refuse(res);
        return;
      }
      listen(req, res);
    },
  };
  const routes: Route[] = [events];
  if (options.oauth) {
    routes.push({ method: 'GET', path: '/slack/install', handle: listen });
    routes.push({ method: 'GET', path: '/slack/oauth_redirect', handle: listen });
  }
  return { receiver, routes };
}
