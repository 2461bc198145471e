import type { SlashCommand, webApi } from '@slack/bolt';
import { parseCommand } from '../core/parse-command';
import { buildUserErrorReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import { answerCommand } from '../flows/answer-command';
import { reportFailure } from '../flows/report-failure';
import type { SlackMessage } from './block-kit';
import { renderReply } from './blocks';
import type { SlackContext } from './context';
import { createMeetFromSlack } from './create-meet';
import { installationWorkspaceId } from './installation-store';
import { openCreateModal } from './open-modal';
import { postToResponseUrl } from './response-url';

/** `/meet …`: acked at once by the caller; everything here happens after the ack. */

export async function handleSlashCommand(
  ctx: SlackContext,
  command: SlashCommand,
  client: webApi.WebClient,
): Promise<void> {
  const ephemeral = (message: SlackMessage) =>
    postToResponseUrl(command.response_url, { response_type: 'ephemeral', ...message });
  const privately = (reply: Reply) => ephemeral(renderReply(reply));
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
        responseUrl: command.response_url,
        privately: ephemeral,
      });
      return;
    }
    if (c.kind === 'new') {
      await openCreateModal(ctx, client, { triggerId: command.trigger_id, channelId: command.channel_id });
      return;
    }
    await privately(
      await answerCommand(ctx, c, {
        platform: 'slack',
        workspaceId: installationWorkspaceId(command),
        channelId: command.channel_id,
        userId: command.user_id,
      }),
    );
  } catch (error) {
    const log = ctx.logger.child({ teamId: command.team_id, channelId: command.channel_id, userId: command.user_id });
    const reply = reportFailure(log, error, `/meet ${command.text?.split(/\s+/)[0] ?? ''}`.trim(), {
      operation: 'read',
    });
    await privately(reply).catch((e: unknown) => log.error({ err: e }, 'could not tell the typist about the failure'));
  }
}
