import type {
  Activity,
  ConfigurationBotFrameworkAuthentication as BotFrameworkAuthentication,
  CloudAdapter,
  ConversationReference,
} from 'botbuilder';
import { AppError } from '../core/errors';
import type { Logger } from '../logger';
import type { Store } from '../store/store';
import type { ConnectorClientLike, Conversations } from './conversations';
import { toAppError } from './errors';

type Identity = Parameters<BotFrameworkAuthentication['createConnectorFactory']>[0];

export type ProactiveActivity = {
  type?: 'message';
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  summary?: string;
};

/**
 * Posts to a stored conversation straight through a Bot Connector client, outside any turn: no
 * middleware, no onTurnError (whose failure card would go to whoever spoke last there), and no
 * retry (the client's retries are removed in auth.ts; a repeated post would double-post a digest).
 * 403/404: the bot was removed, so the stored reference is deleted and `not_found` thrown.
 */
export function createProactiveSender(deps: {
  adapter: CloudAdapter;
  auth: BotFrameworkAuthentication;
  appId: string;
  store: Store;
  conversations: Conversations;
  logger: Logger;
}): (conversationId: string, activity: ProactiveActivity) => Promise<{ messageId: string }> {
  const { appId, store, conversations, logger } = deps;
  // The identity continueConversationAsync builds, through the same protected CloudAdapterBase helper.
  const adapter = deps.adapter as unknown as { createClaimsIdentity(appId: string): Identity };
  const factory = deps.auth.createConnectorFactory(adapter.createClaimsIdentity(appId));

  return async function sendToConversation(conversationId, activity) {
    const record = await store.findTeamsConversation(conversationId);
    if (!record) {
      throw new AppError('not_found', 'no stored Teams conversation with that id: the bot was never added there');
    }
    const reference = record.reference as Partial<ConversationReference>;
    if (!reference.serviceUrl) throw new AppError('not_found', 'the stored Teams conversation has no service URL');
    let sent: { id?: string };
    try {
      const client = (await factory.create(reference.serviceUrl, undefined)) as unknown as ConnectorClientLike;
      sent = await client.conversations.sendToConversation(conversationId, {
        ...activity,
        type: 'message',
        from: reference.bot,
        conversation: reference.conversation,
        channelId: reference.channelId,
        serviceUrl: reference.serviceUrl,
      } as Partial<Activity>);
    } catch (error) {
      const failure = toAppError(error, 'a proactive message');
      if (failure.code === 'not_found') {
        logger.warn(
          { conversationId, reason: failure.message },
          'Teams: the Bot Connector refused a proactive message (bot removed): forgetting the conversation',
        );
        await conversations.forget(conversationId).catch((forgetError: unknown) => {
          logger.error({ conversationId, err: forgetError }, 'Teams: could not delete the conversation reference');
        });
      }
      throw failure;
    }
    if (!sent.id) throw new AppError('platform_error', 'the Bot Connector returned no message id');
    return { messageId: sent.id };
  };
}
