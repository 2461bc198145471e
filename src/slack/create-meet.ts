import type { webApi } from '@slack/bolt';
import type { CreateCommand } from '../core/command';
import type { Result } from '../core/errors';
import { buildUserErrorReply } from '../core/replies';
import { createDepsOf, createMeet, type ResolvedPeople } from '../flows/create-meet';
import type { SlackMessage } from './block-kit';
import { renderMeetCreatedPrivate, renderMeetCreatedPublic, renderNotice, renderReply } from './blocks';
import { postChannelMessage } from './channel-message';
import type { SlackContext } from './context';

export interface SlackCreateRequest {
  command: CreateCommand;
  client: webApi.WebClient;
  teamId?: string;
  channelId?: string;
  /** The slash command's or the modal's response_url: the channel message's way in where the bot cannot post. */
  responseUrl?: string;
  typistId: string;
  /** `slack:trigger:<id>` or `slack:view:<id>`: one Meet per Slack interaction. */
  idempotencyKey: string;
  /** To the creator alone (ephemeral): the secrets, mistakes, failures. */
  privately(message: SlackMessage): Promise<void>;
  /** Known already (the modal resolves people to validate them inline). */
  resolved?: ResolvedPeople;
}

/** The create use case with Slack's people lookup and Slack's two replies. Never throws. */
export async function createMeetFromSlack(ctx: SlackContext, req: SlackCreateRequest): Promise<void> {
  const outcome = await createMeet(createDepsOf(ctx), {
    platform: 'slack',
    command: req.command,
    key: req.idempotencyKey,
    creator: { userId: req.typistId, workspaceId: req.teamId, channelId: req.channelId },
    resolve: async () => (req.resolved ? { ok: true, value: req.resolved } : resolvePeople(ctx, req)),
    deliver: {
      public: async (part, meet) => {
        // A Slack Call shows as started now: a Meet for later gets none (it would look live for days).
        const callId = part.schedule
          ? undefined
          : await ctx.calls.register(req.client, req.teamId, {
              code: meet.code,
              joinUrl: part.joinUrl,
              title: part.title,
              createdBy: req.typistId,
              at: ctx.clock(),
            });
        const message = renderMeetCreatedPublic(part, { timeZone: ctx.defaultTimeZone, callId });
        const target = { workspaceId: req.teamId, channelId: req.channelId, responseUrl: req.responseUrl };
        return postChannelMessage(req.client, { ...target, callId, now: ctx.clock() }, message);
      },
      private: (part) => req.privately(renderMeetCreatedPrivate(part)),
    },
    slow: {
      afterMs: ctx.slowNoticeMs,
      notify: () => req.privately(renderNotice('Creating your Meet… Meet is slow to answer; the result follows here.')),
    },
  });
  if (outcome.kind !== 'invalid' && outcome.kind !== 'failed') return;
  const reply = outcome.kind === 'invalid' ? buildUserErrorReply(outcome.error) : outcome.reply;
  await req
    .privately(renderReply(reply))
    .catch((error: unknown) => ctx.logger.error({ err: error }, 'could not tell the typist about the failure'));
}

export async function resolvePeople(
  ctx: SlackContext,
  req: Pick<SlackCreateRequest, 'client' | 'teamId' | 'typistId' | 'command'>,
): Promise<Result<ResolvedPeople>> {
  const [typist, people] = await Promise.all([
    ctx.people.resolveUser(req.client, req.teamId, req.typistId),
    ctx.people.resolveRefs(req.client, req.teamId, req.command.people),
  ]);
  if (!typist.ok) return typist;
  if (!people.ok) return people;
  return { ok: true, value: { typist: typist.value, people: people.value } };
}
