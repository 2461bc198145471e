import type { SlashCommand, webApi } from '@slack/bolt';
import type { Command, DigestCommand, ReportCommand } from '../core/command';
import { parseCommand } from '../core/parse-command';
import { buildConfigsReply, buildHelpReply, buildUserErrorReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import { selectHelpEntries } from '../core/usage-lines';
import { reportFailure } from '../flows/report-failure';
import { fetchReport } from '../reports/fetch-report';
import { renderReply } from './blocks';
import type { SlackContext } from './context';
import { createMeetFromSlack } from './create-meet';
import { installationWorkspaceId } from './installation-store';
import { openCreateModal } from './open-modal';
import { responseUrlReplier } from './response-url';

/** `/meet …`: acked at once by the caller; everything here happens after the ack. */

export async function handleSlashCommand(
  ctx: SlackContext,
  command: SlashCommand,
  client: webApi.WebClient,
): Promise<void> {
  const replier = responseUrlReplier(command.response_url);
  const privately = (reply: Reply) => replier.toTypist(renderReply(reply));
  try {
    const parsed = parseCommand(command.text ?? '', { platform: 'slack' });
    if (!parsed.ok) {
      await privately(buildUserErrorReply(parsed.error));
      return;
    }
    const c = parsed.command;
    if (c.kind === 'create') {
      await createMeetFromSlack(ctx, {
        command: c,
        client,
        teamId: command.enterprise_id && !command.team_id ? command.enterprise_id : command.team_id,
        channelId: command.channel_id,
        typistId: command.user_id,
        idempotencyKey: `slack:trigger:${command.trigger_id}`,
        replier,
      });
      return;
    }
    if (c.kind === 'new') {
      await openCreateModal(ctx, client, { triggerId: command.trigger_id, channelId: command.channel_id });
      return;
    }
    await privately(await answer(ctx, c, command));
  } catch (error) {
    const log = ctx.logger.child({ teamId: command.team_id, channelId: command.channel_id, userId: command.user_id });
    const reply = reportFailure(log, error, `/meet ${command.text?.split(/\s+/)[0] ?? ''}`.trim(), {
      operation: 'read',
    });
    await privately(reply).catch((e: unknown) => log.error({ err: e }, 'could not tell the typist about the failure'));
  }
}

async function answer(
  ctx: SlackContext,
  c: Exclude<Command, { kind: 'create' | 'new' }>,
  command: SlashCommand,
): Promise<Reply> {
  switch (c.kind) {
    case 'usage':
    case 'feedback':
      return report(ctx, c);
    case 'configs':
      return buildConfigsReply(await ctx.meet.listAddonConfigurations());
    case 'help':
      return buildHelpReply(selectHelpEntries(c.topic));
    case 'digest':
      return digest(ctx, c, command);
  }
}

async function report(ctx: SlackContext, c: ReportCommand): Promise<Reply> {
  const { reply } = await fetchReport(ctx.meet, c, { now: ctx.clock(), timeZone: ctx.defaultTimeZone });
  return reply;
}

async function digest(ctx: SlackContext, c: DigestCommand, command: SlashCommand): Promise<Reply> {
  if (!ctx.digests) {
    return {
      kind: 'notice',
      text: 'Weekly digests are not set up on this meetbot yet, so this channel cannot subscribe. Ask your admin.',
    };
  }
  return ctx.digests.handle(
    c,
    {
      platform: 'slack',
      workspaceId: installationWorkspaceId(command),
      channelId: command.channel_id,
      userId: command.user_id,
    },
    ctx.clock(),
  );
}
