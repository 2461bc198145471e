import {
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import { AppError } from '../core/errors';
import type { Logger } from '../logger';
import type { Store } from '../store/store';
import { isContinuation } from './continuation';
import { toAppError } from './errors';

/** The part of botframework-connector's ConnectorClient we use (it is in the turn state). */
export interface ConnectorClientLike {
  conversations: {
    createConversation(parameters: ConversationParameters): Promise<{ id?: string }>;
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    replyToActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  };
}

export interface Conversations {
  /** Keeps the activity's conversation reference (only ever called for authenticated activities). */
  remember(activity: Activity): Promise<void>;
  forget(conversationId: string): Promise<void>;
  /**
   * To one person alone: by default the one who sent the turn's activity (here, in a 1:1 chat), or
   * `person` (a Teams user id) from a continuation, in their 1:1 chat with the bot.
   */
  sendPrivately(
    context: TurnContext,
    message: Partial<Activity>,
    person?: { id: string; name?: string },
  ): Promise<void>;
  /**
   * Runs `logic` in a stored conversation (or the given reference), after the turn that saw it ended.
   * Errors of `logic` are thrown here (as AppError), not handed to onTurnError.
   */
  continueIn(
    target: string | Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
  /**
   * A new message in the context's conversation (not a reply to the continuation event), or with
   * `replyTo` a reply to that activity (its thread in a channel); its id. TurnContext.sendActivity
   * cannot: in a continuation it makes every message a reply to the made-up continuation event.
   */
  post(context: TurnContext, message: Partial<Activity>, replyTo?: string): Promise<string>;
}

const maxCached = 5000;

export function createConversations(deps: {
  adapter: CloudAdapter;
  appId: string;
  store: Store;
  logger: Logger;
}): Conversations {
  const { adapter, appId, store } = deps;
  /** The reference last written per conversation, so an unchanged one costs no write. */
  const written = new Map<string, string>();
  /** serviceUrl + user id → the 1:1 conversation id the connector gave us. */
  const personal = new Map<string, string>();

  function remember(map: Map<string, string>, key: string, value: string): void {
    if (map.size >= maxCached) map.delete(map.keys().next().value as string);
    map.set(key, value);
  }

  async function post(context: TurnContext, message: Partial<Activity>, replyTo?: string): Promise<string> {
    const activity = context.activity;
    const client = context.turnState.get<ConnectorClientLike>(context.adapter.ConnectorClientKey);
    const outgoing: Partial<Activity> = {
      type: 'message',
      ...message,
      from: activity.recipient,
      conversation: activity.conversation,
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      ...(replyTo ? { replyToId: replyTo } : {}),
    };
    const sent = replyTo
      ? await client.conversations.replyToActivity(activity.conversation.id, replyTo, outgoing)
      : await client.conversations.sendToConversation(activity.conversation.id, outgoing);
    return sent.id ?? '';
  }

  return {
    async remember(activity) {
      const conversationId = activity.conversation?.id;
      if (!conversationId || !activity.serviceUrl) return;
      const reference = TurnContext.getConversationReference(activity);
      delete reference.activityId;
      const json = JSON.stringify(reference);
      if (written.get(conversationId) === json) return;
      const tenantId = tenantOf(activity);
      await store.saveTeamsConversation({ conversationId, reference, ...(tenantId ? { tenantId } : {}) });
      remember(written, conversationId, json);
    },

    async forget(conversationId) {
      written.delete(conversationId);
      await store.deleteTeamsConversation(conversationId);
    },

    async sendPrivately(context, message, person) {
      const activity = context.activity;
      const to = person ? { id: person.id, name: person.name ?? '' } : activity.from;
      if (!person && activity.conversation?.conversationType === 'personal') {
        if (isContinuation(activity)) await post(context, message);
        else await context.sendActivity(message);
        return;
      }
      const client = context.turnState.get<ConnectorClientLike>(context.adapter.ConnectorClientKey);
      const key = `${activity.serviceUrl}|${to.id}`;
      let conversationId = personal.get(key);
      if (!conversationId) {
        const tenantId = tenantOf(activity);
        const created = await client.conversations.createConversation({
          isGroup: false,
          bot: activity.recipient,
          members: [to],
          ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
        } as ConversationParameters);
        if (!created.id) throw new AppError('platform_error', 'the Bot Connector created a chat without an id');
        conversationId = created.id;
        remember(personal, key, conversationId);
      }
      await client.conversations.sendToConversation(conversationId, {
        type: 'message',
        ...message,
        from: activity.recipient,
        recipient: to,
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        channelId: activity.channelId,
        serviceUrl: activity.serviceUrl,
      });
    },

    async continueIn(target, logic) {
      let reference: Partial<ConversationReference>;
      if (typeof target === 'string') {
        const record = await store.findTeamsConversation(target);
        if (!record)
          throw new AppError('not_found', 'no stored Teams conversation with that id: the bot was never added there');
        reference = record.reference as Partial<ConversationReference>;
      } else reference = target;
      let failure: unknown;
      try {
        await adapter.continueConversationAsync(appId, reference, async (context) => {
          try {
            await logic(context);
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure !== undefined) throw toAppError(failure, 'a proactive message');
    },

    post,
  };
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannel === 'string' ? fromChannel : undefined);
}
