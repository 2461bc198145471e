import type { types, webApi } from '@slack/bolt';
import { AppError } from '../core/errors';
import type { MeetAnnouncer } from '../flows/meet-announcer';
import type { Logger } from '../logger';
import { renderMeetCreatedPublic } from './blocks';
import type { SlackCalls } from './calls';
import type { SlackMessageRef } from './channel-message';
import { toAppError } from './errors';
import { renderMeetFeedback } from './feedback-blocks';
import { postToResponseUrl } from './response-url';
import { renderMeetReminder } from './schedule-blocks';

/** Slack's rule for a response_url: it can replace its message five times within 30 minutes. */
const responseUrlLifeMs = 30 * 60_000;
const responseUrlReplacements = 5;

/**
 * The watcher's Slack side: changes a Meet's channel message in place (chat.update, or the
 * response_url while Slack allows it), ends its Slack Call with the duration, sends the ratings
 * to the creator in a direct message, and a Meet for later's reminder in the message's thread.
 */
export function createSlackAnnouncer(deps: {
  client: webApi.WebClient;
  tokenFor(workspaceId: string | undefined): Promise<string>;
  calls: SlackCalls;
  logger: Logger;
  timeZone: string;
}): MeetAnnouncer {
  const gone = (error: unknown) => error instanceof AppError && error.code === 'not_found';
  return {
    async show(watch, shown, now) {
      const ref = watch.message as SlackMessageRef;
      const message = renderMeetCreatedPublic(shown, { timeZone: deps.timeZone, callId: ref.callId });
      if (ref.kind === 'slack-response-url') {
        const age = now.getTime() - Date.parse(ref.postedAt);
        if (age > responseUrlLifeMs || ref.replaced >= responseUrlReplacements) return { outcome: 'skipped' };
        try {
          await postToResponseUrl(ref.url, { response_type: 'in_channel', replace_original: true, ...message });
        } catch (error) {
          if (gone(error)) return { outcome: 'gone' };
          throw error;
        }
        return { outcome: 'shown', message: { ...ref, replaced: ref.replaced + 1 } };
      }
      let token: string;
      try {
        token = await deps.tokenFor(ref.workspaceId ?? watch.workspaceId);
        await deps.client.chat.update({
          token,
          channel: ref.channel,
          ts: ref.ts,
          text: message.text,
          blocks: message.blocks as types.KnownBlock[],
        });
      } catch (error) {
        const failure = toAppError(error, 'the Meet message update');
        if (gone(failure)) return { outcome: 'gone' };
        throw failure;
      }
      if (shown.status?.state === 'ended' && ref.callId) {
        const seconds = watch.durationSeconds ?? shown.status.minutes * 60;
        await deps.calls.end(deps.client, token, ref.callId, seconds).catch((error: unknown) => {
          deps.logger.warn(
            { err: error, meetCode: watch.code },
            'Slack refused calls.end; the call stays open in Slack',
          );
        });
      }
      return { outcome: 'shown' };
    },

    async sendFeedback(watch, feedback) {
      const token = await deps.tokenFor(watch.workspaceId);
      const message = renderMeetFeedback(feedback);
      try {
        // A user id as the channel: the creator's direct messages with the app. The comments are
        // outsiders' words: no preview of a link or an image they put in them.
        await deps.client.chat.postMessage({
          token,
          channel: watch.creatorId,
          text: message.text,
          blocks: message.blocks as types.KnownBlock[],
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (error) {
        throw toAppError(error, 'the ratings message');
      }
    },

    async remind(meet, reminder) {
      const ref = meet.message as SlackMessageRef | undefined;
      const message = renderMeetReminder(reminder);
      const token = await deps.tokenFor(
        ref?.kind === 'slack' ? (ref.workspaceId ?? meet.workspaceId) : meet.workspaceId,
      );
      // A message posted with the bot token has a ts to reply to; one posted through a response_url
      // has none we know: the reminder is then a new message in the channel, where the bot may post.
      const thread = ref?.kind === 'slack' && ref.ts ? { channel: ref.channel, thread_ts: ref.ts } : undefined;
      const channel = thread?.channel ?? meet.channelId;
      if (!channel) return { outcome: 'skipped', why: 'no channel to post the reminder in' };
      try {
        await deps.client.chat.postMessage({
          token,
          channel,
          ...(thread ? { thread_ts: thread.thread_ts } : {}),
          text: message.text,
          blocks: message.blocks as types.KnownBlock[],
          unfurl_links: false,
        });
      } catch (error) {
        const failure = toAppError(error, 'the reminder');
        if (gone(failure)) return { outcome: 'skipped', why: `the bot cannot post in ${channel} (${failure.message})` };
        throw failure;
      }
      return { outcome: 'sent', where: thread ? 'thread' : 'channel' };
    },
  };
}
