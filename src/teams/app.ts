import { type Activity, CloudAdapter, type TurnContext } from 'botbuilder';
import type { TeamsConfig } from '../config';
import type { Clock } from '../core/clock';
import { generatePasscode } from '../core/passcode';
import type { SsoSettings } from '../core/people';
import { defaultReminderMinutes } from '../core/plan-schedule';
import type { DigestPoster } from '../digest/deliver';
import type { DigestSubscriptions } from '../flows/digest-subscriptions';
import { createInFlight, type InFlight } from '../flows/in-flight';
import type { MeetAnnouncer } from '../flows/meet-announcer';
import { reportFailure } from '../flows/report-failure';
import type { Route } from '../http-route';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import { createTeamsAnnouncer } from './announcer';
import { type BotAuthenticationOptions, createBotAuthentication } from './auth';
import { MeetBot } from './bot';
import { renderReplyCard } from './cards';
import type { TeamsContext } from './context';
import { isContinuation } from './continuation';
import { createConversations } from './conversations';
import { renderDigestCard, type TeamsDigestActivity } from './digest-card';
import { createMessagesRoute } from './http-shim';
import { cardMessage, handleMessage } from './messages';
import { createProactiveSender } from './proactive';

export interface TeamsDeps {
  config: TeamsConfig;
  meet: MeetApi;
  store: Store;
  logger: Logger;
  clock: Clock;
  defaultTimeZone: string;
  digests?: DigestSubscriptions;
  /** Sign-in rules for outside emails (MEET_SSO_DOMAINS); Teams users always sign in with Microsoft. */
  sso?: SsoSettings;
  /** How long an invoke waits for the Meet API before answering "being created"; default 4000 ms. */
  invokeDeadlineMs?: number;
  generatePasscode?: () => string;
  /** Work that outlives a turn; the composition root drains it at shutdown (default: the bot's own). */
  inFlight?: InFlight;
  /** The watcher follows created Meets (MEET_STATUS_POLL_SECONDS > 0). Default false. */
  watching?: boolean;
  /** MEET_REMINDER_MINUTES (default 10; 0: no reminder unless `remind:` asks for one). */
  reminderMinutes?: number;
  /** Tests only: a loopback token issuer and outbound credentials (auth.ts). Production: botbuilder's defaults. */
  authentication?: BotAuthenticationOptions;
}

export interface TeamsBot {
  routes: Route[];
  /** How the watcher changes Meet cards and sends ratings in Teams. */
  announcer: MeetAnnouncer;
  /** Proactive message to a stored conversation; AppError('not_found') when the bot was removed, 'platform_error' with retryAfterMs on 429. */
  sendToConversation(
    conversationId: string,
    activity: {
      type?: 'message';
      text?: string;
      attachments?: Array<{ contentType: string; content: unknown }>;
      summary?: string;
    },
  ): Promise<{ messageId: string }>;
  /** Weekly digests: rendered as an Adaptive Card, sent with `sendToConversation`. */
  digestPoster: DigestPoster<TeamsDigestActivity>;
  stop(): Promise<void>;
}

/** Late results are delivered before stop() resolves, for at most this long. */
const stopGraceMs = 25_000;

export function createTeamsBot(deps: TeamsDeps): TeamsBot {
  const logger = deps.logger.child({ platform: 'teams' });
  const appId = deps.config.mode === 'bot' ? deps.config.appId : '';
  const auth = createBotAuthentication(deps.config, deps.authentication);
  const adapter = new CloudAdapter(auth);
  const conversations = createConversations({ adapter, appId, store: deps.store, logger });
  const announcer = createTeamsAnnouncer(conversations);
  const ctx: TeamsContext = {
    meet: deps.meet,
    store: deps.store,
    logger,
    clock: deps.clock,
    conversations,
    sso: deps.sso ?? { domains: {} },
    defaultTimeZone: deps.defaultTimeZone,
    digests: deps.digests,
    generatePasscode: deps.generatePasscode ?? generatePasscode,
    invokeDeadlineMs: deps.invokeDeadlineMs ?? 4000,
    inFlight: deps.inFlight ?? createInFlight(logger),
    watching: deps.watching ?? false,
    reminderMinutes: deps.reminderMinutes ?? defaultReminderMinutes,
    announcer,
  };
  // Work tracked in an InFlight passed in is drained by its owner (the composition root).
  const ownsInFlight = deps.inFlight === undefined;
  const bot = new MeetBot(ctx);

  // Every activity that reaches the adapter was let in by the HTTP shim (a valid token, or in the
  // Emulator mode a local request naming a loopback serviceUrl): only such activities may set the
  // serviceUrl that proactive messages go to later.
  adapter.use(async (context: TurnContext, next) => {
    try {
      await conversations.remember(context.activity as Activity);
    } catch (error) {
      logger.warn({ err: error }, 'Teams: could not store the conversation reference');
    }
    await next();
  });

  adapter.onTurnError = async (context, error) => {
    // A continuation (late results) is no one's turn: its caller (continueIn) reports the failure.
    if (isContinuation(context.activity)) throw error;
    const reply = reportFailure(logger, error, `turn (${context.activity.type})`);
    if (context.activity.type === 'invoke') return;
    try {
      await conversations.sendPrivately(context, cardMessage(renderReplyCard(reply), reply.message));
    } catch (sendError) {
      logger.error(
        { err: sendError, referenceId: reply.referenceId },
        'Teams: could not tell the person about a failure',
      );
    }
  };

  // Messages, nearly all of the traffic, go straight to their handler: TeamsActivityHandler's
  // dispatch (onTurn, onMessage, dialogs) adds nothing for them and costs ~25 µs each. The rest
  // (invokes of the message extension, installation updates) goes through the handler class.
  const logic = (context: TurnContext) =>
    context.activity.type === 'message' ? handleMessage(ctx, context) : bot.run(context);
  const route = createMessagesRoute({
    adapter,
    logic,
    mode: deps.config.mode,
    authenticate: (activity, authorization) => auth.authenticateRequest(activity, authorization),
    logger,
  });

  const sendToConversation = createProactiveSender({ adapter, auth, appId, store: deps.store, conversations, logger });
  return {
    routes: [route],
    announcer,
    sendToConversation,
    digestPoster: {
      render: renderDigestCard,
      post: (target, activity) => sendToConversation(target.channelId, activity),
    },
    async stop() {
      if (ownsInFlight) await ctx.inFlight.drain(stopGraceMs);
    },
  };
}
