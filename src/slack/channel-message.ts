import type { types, webApi } from '@slack/bolt';
import type { SlackMessage } from './block-kit';
import { toAppError } from './errors';
import { postToResponseUrl } from './response-url';

/**
 * Where a Meet's channel message is, so the watcher can change it later. Posted with the bot token
 * (chat.postMessage) it can be updated for as long as it exists (chat.update); posted through a
 * slash command's or a modal's response_url (a private channel or a DM the bot is not in) it can
 * be replaced through that URL only, at most five times within 30 minutes (Slack's rule).
 */
export type SlackMessageRef =
  | { kind: 'slack'; workspaceId?: string; channel: string; ts: string; callId?: string }
  | { kind: 'slack-response-url'; url: string; postedAt: string; replaced: number; callId?: string };

/** Slack refused with an answer (`ok: false`): the message was certainly not posted. */
function refusedBySlack(error: unknown): boolean {
  return (error as { code?: string }).code === 'slack_webapi_platform_error';
}

/**
 * The channel message, with the bot token where the bot may post (public channels through
 * chat:write.public, channels it is in), else through the response_url. Only a refusal falls back:
 * after a timeout the message may have been posted, and a second copy is worse than none.
 */
export async function postChannelMessage(
  client: webApi.WebClient,
  target: { workspaceId?: string; channelId?: string; responseUrl?: string; callId?: string; now: Date },
  message: SlackMessage,
): Promise<SlackMessageRef> {
  const { channelId, responseUrl, callId } = target;
  if (channelId) {
    try {
      const posted = await client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks as types.KnownBlock[],
        unfurl_links: false,
      });
      return {
        kind: 'slack',
        ...(target.workspaceId ? { workspaceId: target.workspaceId } : {}),
        channel: posted.channel ?? channelId,
        ts: posted.ts ?? '',
        ...(callId ? { callId } : {}),
      };
    } catch (error) {
      if (!responseUrl || !refusedBySlack(error)) throw toAppError(error, 'the channel message');
    }
  }
  if (!responseUrl) throw toAppError(new Error('no channel and no response_url'), 'the channel message');
  await postToResponseUrl(responseUrl, { response_type: 'in_channel', ...message });
  return {
    kind: 'slack-response-url',
    url: responseUrl,
    postedAt: target.now.toISOString(),
    replaced: 0,
    ...(callId ? { callId } : {}),
  };
}
