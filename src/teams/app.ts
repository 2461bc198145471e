import { type Activity, CloudAdapter, type TurnContext } from 'botbuilder';
import type { TeamsConfig } from '../config';
import type { Clock } from '../core/clock';
import { generatePasscode } from '../core/passcode';
import type { SsoSettings } from '../core/people';
import type { DigestCommands } from '../digest/digest-commands';
import type { Route } from '../http-route';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import { type BotAuthenticationOptions, createBotAuthentication } from './auth';
import { MeetBot } from './bot';
import { renderReplyCard } from './cards';
import type { TeamsContext } from './context';
import { createConversations } from './conversations';
import { reportFailure } from './errors';
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
  digests?: DigestCommands;
  /** Sign-in rules for outside emails (MEET_SSO_DOMAINS); Teams users always sign in with Microsoft. */
  sso?: SsoSettings;
  /** How long an invoke waits for the Meet API before answering "being created"; default 4000 ms. */
  invokeDeadlineMs?: number;
  generatePasscode?: () => string;
  /** Tests only: a loopback token issuer and outbound credentials (auth.ts). Production: botbuilder's defaults. */
  authentication?: BotAuthenticationOptions;
}

export interface TeamsBot {
  routes: Route[];
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
  stop(): Promise<void>;
}

export function createTeamsBot(deps: TeamsDeps): TeamsBot {
  const logger = deps.logger.child({ platform: 'teams' });
  const appId = deps.config.mode === 'bot' ? deps.config.appId : '';
  const auth = createBotAuthentication(deps.config, deps.authentication);
  const adapter = new CloudAdapter(auth);
  const conversations = createConversations({ adapter, appId, store: deps.store, logger });
  const pending = new Set<Promise<unknown>>();
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
    track(work) {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
  };
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

  return {
    routes: [route],
    sendToConversation: createProactiveSender({ adapter, auth, appId, store: deps.store, conversations, logger }),
    async stop() {
      await Promise.allSettled([...pending]);
    },
  };
}

/** The event botbuilder makes up for continueConversationAsync. */
function isContinuation(activity: Partial<Activity>): boolean {
  return activity.type === 'event' && activity.name === 'ContinueConversation';
}
