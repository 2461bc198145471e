import { App, type types, type webApi } from '@slack/bolt';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import { AppError } from '../core/errors';
import { generatePasscode } from '../core/passcode';
import type { SsoSettings } from '../core/people';
import { defaultReminderMinutes } from '../core/plan-schedule';
import type { DigestPoster } from '../digest/deliver';
import type { DigestSubscriptions } from '../flows/digest-subscriptions';
import { createInFlight, type InFlight } from '../flows/in-flight';
import type { MeetAnnouncer } from '../flows/meet-announcer';
import type { Route } from '../http-route';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import { createSlackAnnouncer } from './announcer';
import { createCachedAuthorize } from './authorize';
import type { SlackMessage } from './block-kit';
import { toBoltLogger } from './bolt-logger';
import { createSlackCalls } from './calls';
import type { SlackContext } from './context';
import { renderDigestBlocks } from './digest-blocks';
import { toAppError } from './errors';
import { createInstallationStore, findBotToken } from './installation-store';
import { checkMessage } from './limits';
import { registerListeners } from './listeners';
import { createPeopleResolver } from './people';
import { createSlackReceiver } from './receiver';
import { createSocketMode } from './socket-mode';

export interface SlackDeps {
  config: NonNullable<Config['slack']>;
  meet: MeetApi;
  store: Store;
  logger: Logger;
  clock: Clock;
  sso: SsoSettings;
  defaultTimeZone: string;
  /** Undefined until digests are set up: `/meet digest…` then says so plainly. */
  digests?: DigestSubscriptions;
  /** Tests make passcodes predictable; production uses the secure generator. */
  generatePasscode?: () => string;
  /** How long a slow Meet API stays silent before "Creating your Meet…" (default 1500 ms). */
  slowNoticeMs?: number;
  /** Work after the ack; the composition root drains it at shutdown (default: the app's own). */
  inFlight?: InFlight;
  /** The watcher follows created Meets (MEET_STATUS_POLL_SECONDS > 0). Default false. */
  watching?: boolean;
  /** MEET_REMINDER_MINUTES (default 10; 0: no reminder unless `remind:` asks for one). */
  reminderMinutes?: number;
}

export interface SlackApp {
  routes: Route[];
  /** How the watcher changes Meet messages and sends ratings in Slack. */
  announcer: MeetAnnouncer;
  /** Posts a channel message (digests). Never retried blindly; `not_found` when the bot cannot post there. */
  postMessage(
    target: { workspaceId?: string; channelId: string },
    message: { text: string; blocks?: unknown[] },
  ): Promise<{ messageId: string }>;
  /** Weekly digests: rendered as Block Kit, posted with `postMessage`. */
  digestPoster: DigestPoster<SlackMessage>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What was acknowledged is finished before stop() resolves, for at most this long. */
const stopGraceMs = 25_000;

/** The Slack adapter: Bolt over our HTTP server (or Socket Mode), single-workspace or OAuth install. */
export async function createSlackApp(deps: SlackDeps): Promise<SlackApp> {
  const { config } = deps;
  const logger = deps.logger.child({ platform: 'slack' });
  if (!config.signingSecret?.trim()) {
    throw new AppError('config_invalid', 'SLACK_SIGNING_SECRET is empty: Slack requests cannot be verified');
  }
  // Slack's client retries for about 30 minutes by default: a post must never be repeated blindly.
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
  const oauth = config.oauth && !config.appToken ? config.oauth : undefined;
  const installationStore = oauth ? createInstallationStore(deps.store) : undefined;
  const socketMode = Boolean(config.appToken);
  if (socketMode && !config.botToken) {
    throw new AppError(
      'config_invalid',
      'Socket Mode (SLACK_APP_TOKEN) needs SLACK_BOT_TOKEN: the OAuth install is served over HTTP only',
    );
  }
  if (config.oauth && config.botToken && !socketMode)
    logger.warn('SLACK_BOT_TOKEN is ignored: the OAuth install is on');
  const http = socketMode
    ? undefined
    : createSlackReceiver({
        signingSecret: config.signingSecret,
        logger,
        clock: deps.clock,
        clientOptions: clientOptions as Record<string, unknown>,
        oauth: oauth && installationStore ? { ...oauth, installationStore } : undefined,
      });
  const boltLogger = toBoltLogger(logger);
  const socket = config.appToken
    ? createSocketMode({ appToken: config.appToken, apiUrl: config.apiUrl, boltLogger, logger })
    : undefined;
  const authorize = oauth ? undefined : createCachedAuthorize(config.botToken ?? '', clientOptions);
  const app = new App({
    logger: boltLogger,
    clientOptions,
    // Bolt's default conversation store looks up every event in memory and, for every miss (all
    // of ours: nothing is ever stored), builds an Error with a stack trace before the listener runs.
    convoStore: false,
    // The error handler gets the request too: see answerUnauthorized (install-lifecycle.ts).
    extendedErrorHandler: true,
    ...(socket
      ? { socketMode: true, receiver: socket.receiver, authorize }
      : { receiver: http?.receiver, ...(authorize ? { authorize } : {}) }),
  });
  async function tokenFor(workspaceId: string | undefined): Promise<string> {
    const token = oauth ? (workspaceId ? await findBotToken(deps.store, workspaceId) : undefined) : config.botToken;
    if (!token)
      throw new AppError('not_found', `meetbot is not installed in Slack workspace ${workspaceId ?? '(none given)'}`);
    return token;
  }
  const calls = createSlackCalls(logger, deps.clock);
  const announcer = createSlackAnnouncer({
    client: app.client,
    tokenFor,
    calls,
    logger,
    timeZone: deps.defaultTimeZone,
  });
  const ctx: SlackContext = {
    app,
    meet: deps.meet,
    store: deps.store,
    logger,
    clock: deps.clock,
    sso: deps.sso,
    defaultTimeZone: deps.defaultTimeZone,
    digests: deps.digests,
    people: createPeopleResolver(),
    generatePasscode: deps.generatePasscode ?? generatePasscode,
    slowNoticeMs: deps.slowNoticeMs ?? 1500,
    inFlight: deps.inFlight ?? createInFlight(logger),
    calls,
    watching: deps.watching ?? false,
    reminderMinutes: deps.reminderMinutes ?? defaultReminderMinutes,
    announcer,
  };
  // Work tracked in an InFlight passed in is drained by its owner (the composition root).
  const ownsInFlight = deps.inFlight === undefined;
  registerListeners(ctx, { oauth: Boolean(oauth) });

  const postMessage: SlackApp['postMessage'] = async (target, message) => {
    const problems = checkMessage(message);
    if (problems.length > 0) throw new AppError('internal', `message over Slack's limits: ${problems.join('; ')}`);
    const token = await tokenFor(target.workspaceId);
    try {
      const result = await app.client.chat.postMessage({
        token,
        channel: target.channelId,
        text: message.text,
        blocks: message.blocks as types.KnownBlock[],
      });
      return { messageId: result.ts ?? '' };
    } catch (error) {
      throw toAppError(error, `the message to ${target.channelId}`);
    }
  };

  return {
    routes: http?.routes ?? [],
    announcer,
    postMessage,
    digestPoster: { render: renderDigestBlocks, post: postMessage },
    /** Socket Mode: connects and resolves once Slack said hello. Over HTTP there is nothing to start. */
    async start() {
      await socket?.start();
    },
    /** Closes Socket Mode (no reconnection follows) and finishes the work already acknowledged. */
    async stop() {
      await socket?.stop();
      if (ownsInFlight) await ctx.inFlight.drain(stopGraceMs);
    },
  };
}
