import type { Activity, TurnContext } from 'botbuilder';
import type { Command, MentionEntity } from '../core/command';
import { parseCommand } from '../core/parse-command';
import { buildHelpReply, buildUserErrorReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import { selectHelpEntries } from '../core/usage-lines';
import { answerCommand } from '../flows/answer-command';
import { reportFailure } from '../flows/report-failure';
import { asAttachment } from './card-types';
import { meetSummary, renderMeetCreatedCard, renderMeetPrivateCard, renderReplyCard, summarizeReply } from './cards';
import type { TeamsContext } from './context';
import { tenantOf } from './conversations';
import { createMeetFromTeams } from './create-meet';
import type { TeamsMessageRef } from './message-ref';

/** A message to the bot: `@Meet interview @Alice bob@x.com "Backend L2"`, `usage last week`, `help`… */
export async function handleMessage(ctx: TeamsContext, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const text = activity.text ?? '';
  if (!text.trim() && activity.value) return; // a card's submit (we send none that post back)
  const parsed = parseCommand(text, {
    platform: 'teams',
    mentions: mentionsOf(activity),
    botId: activity.recipient?.id,
  });
  if (!parsed.ok) {
    await replyWhereTyped(ctx, context, buildUserErrorReply(parsed.error));
    return;
  }
  const command = parsed.command;
  if (command.kind === 'create') {
    const outcome = await createMeetFromTeams(ctx, context, command, {
      public: async (part): Promise<TeamsMessageRef | undefined> => {
        const sent = await context.sendActivity(cardMessage(renderMeetCreatedCard(part), meetSummary(part)));
        const activityId = sent?.id;
        const { conversation, from } = context.activity;
        return activityId
          ? { kind: 'teams', conversationId: conversation.id, activityId, creatorId: from.id }
          : undefined;
      },
      private: (part) =>
        ctx.conversations.sendPrivately(
          context,
          cardMessage(renderMeetPrivateCard(part), `Meet code and passcodes: ${part.title}`),
        ),
    });
    if (outcome.kind === 'invalid') await replyWhereTyped(ctx, context, buildUserErrorReply(outcome.error));
    else if (outcome.kind === 'failed') await replyWhereTyped(ctx, context, outcome.reply);
    return;
  }
  if (command.kind === 'help') {
    await context.sendActivity(helpMessage(command.topic));
    return;
  }
  let reply: Reply;
  try {
    reply = await answer(ctx, context, command);
  } catch (error) {
    reply = reportFailure(ctx.logger, error, `command ${command.kind}`);
  }
  if (reply.kind === 'error') await replyWhereTyped(ctx, context, reply);
  else await context.sendActivity(cardMessage(renderReplyCard(reply), summarizeReply(reply)));
}

function answer(
  ctx: TeamsContext,
  context: TurnContext,
  command: Exclude<Command, { kind: 'create' }>,
): Promise<Reply> {
  if (command.kind === 'new') {
    return Promise.resolve({
      kind: 'notice',
      text: 'To fill in a form, open the message extension: select "Create a Meet" under the box where you type (the + or … button), or write the command, e.g. interview @Alice candidate@example.com "Backend L2".',
    });
  }
  const a = context.activity;
  const tenantId = tenantOf(a);
  return answerCommand(ctx, command, {
    platform: 'teams',
    ...(tenantId ? { workspaceId: tenantId } : {}),
    channelId: a.conversation.id,
    userId: a.from.aadObjectId ?? a.from.id,
  });
}

const helpMessages = new Map<string, Partial<Activity>>();

/** Help is the same for everyone: rendered once per topic. */
function helpMessage(topic: string | undefined): Partial<Activity> {
  const key = (topic ?? '').toLowerCase();
  let message = helpMessages.get(key);
  if (!message) {
    const reply = buildHelpReply(selectHelpEntries(topic), 'teams');
    message = cardMessage(renderReplyCard(reply), summarizeReply(reply));
    if (helpMessages.size < 100) helpMessages.set(key, message);
  }
  return message;
}

/**
 * A mistake or a failure, answered where it was typed, so the person sees it there: in a channel or
 * group chat as a reply that mentions them (what they typed is already visible there, and error
 * words never carry a secret); in a 1:1 chat, there. A failure to answer is logged, never thrown.
 */
export async function replyWhereTyped(ctx: TeamsContext, context: TurnContext, reply: Reply): Promise<void> {
  try {
    const card = renderReplyCard(reply);
    const from = context.activity.from;
    if (context.activity.conversation?.conversationType === 'personal' || !from?.name) {
      await context.sendActivity(cardMessage(card, summarizeReply(reply)));
      return;
    }
    await context.sendActivity(mentionFirst(cardMessage(card, summarizeReply(reply)), from.id, from.name));
  } catch (error) {
    reportFailure(ctx.logger, error, 'reply');
  }
}

/** The card with "<at>Name</at>" above it, so the person who typed gets a notification. */
function mentionFirst(message: Partial<Activity>, userId: string, name: string): Partial<Activity> {
  const text = `<at>${escapeXml(name)}</at>`;
  return {
    ...message,
    text,
    entities: [{ type: 'mention', text, mentioned: { id: userId, name } }],
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function cardMessage(card: ReturnType<typeof renderReplyCard>, summary: string): Partial<Activity> {
  return { type: 'message', summary, attachments: [asAttachment(card)] };
}

function mentionsOf(activity: Activity): MentionEntity[] {
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => {
      const m = e as { text?: string; mentioned?: { id?: string; name?: string } };
      return { text: m.text ?? '', id: m.mentioned?.id ?? '', name: m.mentioned?.name ?? '' };
    })
    .filter((m) => m.text && m.id);
}
