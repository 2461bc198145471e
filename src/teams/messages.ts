import type { Activity, TurnContext } from 'botbuilder';
import type { Command, MentionEntity, ReportCommand } from '../core/command';
import { parseCommand } from '../core/parse-command';
import { buildConfigsReply, buildHelpReply, buildUserErrorReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import { selectHelpEntries } from '../core/usage-lines';
import { fetchReport } from '../reports/fetch-report';
import { asAttachment } from './card-types';
import { renderMeetCreatedCard, renderMeetPrivateCard, renderReplyCard, summarizeReply } from './cards';
import { activityKey, idempotencyTtlMs, type TeamsContext } from './context';
import { tenantOf } from './conversations';
import { createMeet } from './create-meet';
import { reportFailure } from './errors';

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
    await replyPrivately(ctx, context, buildUserErrorReply(parsed.error));
    return;
  }
  const command = parsed.command;
  if (command.kind === 'create') {
    // Only a create needs the claim (a redelivery must not create a second Meet); answering help or
    // a report twice does no harm, so those cost no store round trip.
    const key = activityKey(activity.id);
    if (key) {
      const claim = await ctx.store.claimIdempotency(key, idempotencyTtlMs);
      if (claim.status === 'taken') {
        ctx.logger.info({ activityId: activity.id }, 'Teams activity seen before: not handled twice');
        return;
      }
    }
    const outcome = await createMeet(ctx, context, { command, key: key ?? `teams:unkeyed:${Date.now()}` });
    if (outcome.kind === 'created') {
      await context.sendActivity(
        cardMessage(renderMeetCreatedCard(outcome.reply.public), summarizeReply(outcome.reply)),
      );
      await ctx.conversations.sendPrivately(
        context,
        cardMessage(
          renderMeetPrivateCard(outcome.reply.private),
          `Meet code and passcodes: ${outcome.reply.private.title}`,
        ),
      );
    } else if (outcome.kind === 'invalid') await replyPrivately(ctx, context, buildUserErrorReply(outcome.error));
    else if (outcome.kind === 'failed') await replyPrivately(ctx, context, outcome.reply);
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
  if (reply.kind === 'error') await replyPrivately(ctx, context, reply);
  else await context.sendActivity(cardMessage(renderReplyCard(reply), summarizeReply(reply)));
}

async function answer(ctx: TeamsContext, context: TurnContext, command: Exclude<Command, { kind: 'create' }>) {
  switch (command.kind) {
    case 'usage':
    case 'feedback':
      return report(ctx, command);
    case 'configs':
      return buildConfigsReply(await ctx.meet.listAddonConfigurations());
    case 'help':
      return buildHelpReply(selectHelpEntries(command.topic), 'teams');
    case 'new':
      return {
        kind: 'notice',
        text: 'To fill in a form, open the message extension: select "Create a Meet" under the box where you type (the + or … button), or write the command, e.g. interview @Alice candidate@example.com "Backend L2".',
      } satisfies Reply;
    case 'digest': {
      if (!ctx.digests) return { kind: 'notice', text: 'Weekly digests are not set up on this bot.' } satisfies Reply;
      const a = context.activity;
      const tenantId = tenantOf(a);
      return ctx.digests.handle(
        command,
        {
          platform: 'teams',
          ...(tenantId ? { workspaceId: tenantId } : {}),
          channelId: a.conversation.id,
          userId: a.from.aadObjectId ?? a.from.id,
        },
        ctx.clock(),
      );
    }
  }
}

async function report(ctx: TeamsContext, command: ReportCommand): Promise<Reply> {
  const { reply } = await fetchReport(ctx.meet, command, { now: ctx.clock(), timeZone: ctx.defaultTimeZone });
  return reply;
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

/** Errors and anything secret: to the person alone. A failure to do so is logged, never thrown. */
export async function replyPrivately(ctx: TeamsContext, context: TurnContext, reply: Reply): Promise<void> {
  try {
    await ctx.conversations.sendPrivately(context, cardMessage(renderReplyCard(reply), summarizeReply(reply)));
  } catch (error) {
    reportFailure(ctx.logger, error, 'private reply');
  }
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
