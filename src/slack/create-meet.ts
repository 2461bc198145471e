import type { webApi } from '@slack/bolt';
import type { CreateCommand } from '../core/command';
import type { MeetingPlan, ResolvedPerson } from '../core/people';
import { planMeeting } from '../core/plan-meeting';
import { buildMeetCreatedReply, buildUserErrorReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import type { AddonConfiguration, Meeting } from '../meet/schemas';
import type { AuditEntry } from '../store/store';
import type { SlackMessage } from './block-kit';
import { renderMeetCreatedPrivate, renderMeetCreatedPublic, renderNotice, renderReply } from './blocks';
import type { SlackContext } from './context';
import { reportFailure } from './errors';

/** Where the outcome goes: the channel (public part) and the creator alone (everything secret). */
export interface Replier {
  toChannel(message: SlackMessage): Promise<void>;
  toTypist(message: SlackMessage): Promise<void>;
}

export interface CreateRequest {
  command: CreateCommand;
  client: webApi.WebClient;
  teamId?: string;
  channelId?: string;
  typistId: string;
  /** `slack:trigger:<id>` or `slack:view:<id>:<hash>`: one Meet per Slack interaction. */
  idempotencyKey: string;
  replier: Replier;
  /** Known already (the modal resolves people to validate them inline). */
  resolved?: {
    typist: ResolvedPerson;
    people: Array<{ ref: CreateCommand['people'][number]; person: ResolvedPerson }>;
  };
}

const idempotencyTtlMs = 24 * 60 * 60_000;

/** Errors that prove the Meet API did not create anything: the key may be used again. */
function nothingCreated(error: unknown): boolean {
  const code =
    (error as { name?: string; code?: string }).name === 'MeetApiError' ? (error as { code: string }).code : '';
  return ['invalid_request', 'bad_request', 'unauthorized', 'rate_limited', 'not_found', 'conflict'].includes(code);
}

/** Resolve, plan, create once, reply publicly and privately, audit. Never throws. */
export async function createMeetFromSlack(ctx: SlackContext, req: CreateRequest): Promise<void> {
  const log = ctx.logger.child({ teamId: req.teamId, channelId: req.channelId, userId: req.typistId });
  const privately = (reply: Reply) => req.replier.toTypist(renderReply(reply));
  let stage: 'prepare' | 'create' | 'reply' = 'prepare';
  let claimed = false;
  let plan: MeetingPlan | undefined;
  try {
    const claim = await ctx.store.claimIdempotency(req.idempotencyKey, idempotencyTtlMs);
    if (claim.status === 'taken') {
      log.info({ key: req.idempotencyKey }, 'Slack interaction seen before: no second Meet');
      return;
    }
    claimed = true;
    const resolved = req.resolved ? { ok: true as const, value: req.resolved } : await resolvePeople(ctx, req);
    if (!resolved.ok) {
      await ctx.store.releaseIdempotency(req.idempotencyKey);
      await privately(buildUserErrorReply(resolved.error));
      return;
    }
    const configs: AddonConfiguration[] = req.command.config ? await ctx.meet.listAddonConfigurations() : [];
    const planned = planMeeting({
      command: req.command,
      typist: resolved.value.typist,
      people: resolved.value.people,
      addonConfigurations: configs,
      sso: ctx.sso,
      generatePasscode: ctx.generatePasscode,
    });
    if (!planned.ok) {
      await ctx.store.releaseIdempotency(req.idempotencyKey);
      await privately(buildUserErrorReply(planned.error));
      return;
    }
    plan = planned.value;
    stage = 'create';
    const meeting = await createWithNotice(ctx, req, plan);
    stage = 'reply';
    await ctx.store.completeIdempotency(req.idempotencyKey, { code: meeting.code, joinUrl: meeting.joinUrl });
    const reply = buildMeetCreatedReply(plan, meeting);
    if (reply.kind !== 'meetCreated') return;
    await Promise.all([
      req.replier.toChannel(renderMeetCreatedPublic(reply.public)),
      req.replier.toTypist(renderMeetCreatedPrivate(reply.private)),
      ctx.store.recordMeet(auditEntry(ctx, req, plan, meeting, resolved.value.typist)),
    ]);
    log.info({ meetCode: meeting.code, template: plan.template }, 'Meet created from Slack');
  } catch (error) {
    if (claimed && stage !== 'reply' && (stage === 'prepare' || nothingCreated(error))) {
      await ctx.store
        .releaseIdempotency(req.idempotencyKey)
        .catch((e: unknown) => log.warn({ err: e }, 'release failed'));
    }
    const secrets = plan
      ? [...plan.roster.flatMap((e) => (e.passcode ? [e.passcode] : [])), plan.guestPasscode ?? '']
      : [];
    const reply = reportFailure(log, error, `create (${stage})`, {
      operation: stage === 'prepare' ? 'read' : 'create',
      secrets,
    });
    await privately(reply).catch((e: unknown) => log.error({ err: e }, 'could not tell the typist about the failure'));
  }
}

async function resolvePeople(ctx: SlackContext, req: CreateRequest) {
  const [typist, people] = await Promise.all([
    ctx.people.resolveUser(req.client, req.teamId, req.typistId),
    ctx.people.resolveRefs(req.client, req.teamId, req.command.people),
  ]);
  if (!typist.ok) return typist;
  if (!people.ok) return people;
  return { ok: true as const, value: { typist: typist.value, people: people.value } };
}

/** A slow Meet API: after `slowNoticeMs` the typist is told it is on its way; the result follows. */
async function createWithNotice(ctx: SlackContext, req: CreateRequest, plan: MeetingPlan): Promise<Meeting> {
  const timer = setTimeout(() => {
    req.replier
      .toTypist(renderNotice('Creating your Meet… Meet is slow to answer; the result follows here.'))
      .catch((e: unknown) => ctx.logger.warn({ err: e }, 'could not post the slow-API notice'));
  }, ctx.slowNoticeMs);
  try {
    return await ctx.meet.createMeeting(plan.request);
  } finally {
    clearTimeout(timer);
  }
}

function auditEntry(
  ctx: SlackContext,
  req: CreateRequest,
  plan: MeetingPlan,
  meeting: Meeting,
  typist: ResolvedPerson,
): AuditEntry {
  return {
    createdAt: ctx.clock(),
    platform: 'slack',
    workspaceId: req.teamId,
    channelId: req.channelId,
    userId: req.typistId,
    userName: typist.displayName,
    meetCode: meeting.code,
    joinUrl: meeting.joinUrl,
    title: meeting.title || plan.request.title || `Meet ${meeting.code}`,
    template: plan.template,
    participants: plan.roster.map((e) => ({
      displayName: e.person.displayName,
      email: e.person.email,
      role: e.role,
      signIn: e.provider,
    })),
  };
}
