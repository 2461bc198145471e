import type { webApi } from '@slack/bolt';
import type { CreateCommand } from '../core/command';
import type { Result } from '../core/errors';
import { buildUserErrorReply } from '../core/replies';
import { type CreateMeetDeps, createMeet, type ResolvedPeople } from '../flows/create-meet';
import type { SlackMessage } from './block-kit';
import { renderMeetCreatedPrivate, renderMeetCreatedPublic, renderNotice, renderReply } from './blocks';
import type { SlackContext } from './context';

/** Where the outcome goes: the channel (public part) and the creator alone (everything secret). */
export interface Replier {
  toChannel(message: SlackMessage): Promise<void>;
  toTypist(message: SlackMessage): Promise<void>;
}

export interface SlackCreateRequest {
  command: CreateCommand;
  client: webApi.WebClient;
  teamId?: string;
  channelId?: string;
  typistId: string;
  /** `slack:trigger:<id>` or `slack:view:<id>`: one Meet per Slack interaction. */
  idempotencyKey: string;
  replier: Replier;
  /** Known already (the modal resolves people to validate them inline). */
  resolved?: ResolvedPeople;
}

export function createDepsOf(ctx: SlackContext): CreateMeetDeps {
  return {
    meet: ctx.meet,
    store: ctx.store,
    logger: ctx.logger,
    clock: ctx.clock,
    sso: ctx.sso,
    generatePasscode: ctx.generatePasscode,
    inFlight: ctx.inFlight,
  };
}

/** The create use case with Slack's people lookup and Slack's two replies. Never throws. */
export async function createMeetFromSlack(ctx: SlackContext, req: SlackCreateRequest): Promise<void> {
  const { replier } = req;
  const outcome = await createMeet(createDepsOf(ctx), {
    platform: 'slack',
    command: req.command,
    key: req.idempotencyKey,
    creator: { userId: req.typistId, workspaceId: req.teamId, channelId: req.channelId },
    resolve: async () => (req.resolved ? { ok: true, value: req.resolved } : resolvePeople(ctx, req)),
    deliver: {
      public: (part) => replier.toChannel(renderMeetCreatedPublic(part)),
      private: (part) => replier.toTypist(renderMeetCreatedPrivate(part)),
    },
    slow: {
      afterMs: ctx.slowNoticeMs,
      notify: () =>
        replier.toTypist(renderNotice('Creating your Meet… Meet is slow to answer; the result follows here.')),
    },
  });
  if (outcome.kind !== 'invalid' && outcome.kind !== 'failed') return;
  const reply = outcome.kind === 'invalid' ? buildUserErrorReply(outcome.error) : outcome.reply;
  await replier
    .toTypist(renderReply(reply))
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
