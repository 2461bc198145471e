import type { TurnContext } from 'botbuilder';
import type { CreateCommand } from '../core/command';
import type { UserError } from '../core/errors';
import type { MeetingPlan } from '../core/people';
import { planMeeting } from '../core/plan-meeting';
import { buildMeetCreatedReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import type { AddonConfiguration, Meeting } from '../meet/schemas';
import type { AuditEntry } from '../store/store';
import type { TeamsContext } from './context';
import { tenantOf } from './conversations';
import { reportFailure } from './errors';
import { resolveMember, resolvePeople } from './people';

export type MeetCreatedReply = Extract<Reply, { kind: 'meetCreated' }>;
export type ErrorReply = Extract<Reply, { kind: 'error' }>;

export type CreateOutcome =
  | { kind: 'created'; reply: MeetCreatedReply }
  | { kind: 'invalid'; error: UserError }
  | { kind: 'failed'; reply: ErrorReply }
  /** Past the deadline: `late` gets the outcome once the Meet API answers. */
  | { kind: 'pending' };

export interface CreateRequest {
  command: CreateCommand;
  /** Claimed by the caller; completed here, or released when nothing was created. */
  key: string;
  /** Only for invokes, which Teams waits about 5 s for. */
  deadlineMs?: number;
  late?: (outcome: Exclude<CreateOutcome, { kind: 'pending' }>) => Promise<void>;
}

/** Errors that prove the Meet API created nothing: the key may be used again. */
function nothingCreated(error: unknown): boolean {
  const e = error as { name?: string; code?: string };
  return (
    e?.name === 'MeetApiError' &&
    ['invalid_request', 'bad_request', 'unauthorized', 'rate_limited', 'not_found', 'conflict'].includes(e.code ?? '')
  );
}

/** Resolve, plan, create once, audit. Never throws: every way out is an outcome to show. */
export async function createMeet(ctx: TeamsContext, context: TurnContext, req: CreateRequest): Promise<CreateOutcome> {
  const activity = context.activity;
  const log = ctx.logger.child({ conversationId: activity.conversation?.id, userId: activity.from?.id });
  let plan: MeetingPlan | undefined;
  const fail = async (error: unknown, stage: 'prepare' | 'create'): Promise<CreateOutcome> => {
    if (stage === 'prepare' || nothingCreated(error)) {
      await ctx.store.releaseIdempotency(req.key).catch((e: unknown) => log.warn({ err: e }, 'release failed'));
    }
    const secrets = plan
      ? [...plan.roster.flatMap((e) => (e.passcode ? [e.passcode] : [])), plan.guestPasscode ?? '']
      : [];
    const operation = stage === 'prepare' ? 'read' : 'create';
    return { kind: 'failed', reply: reportFailure(log, error, `create (${stage})`, { operation, secrets }) };
  };
  const invalid = async (error: UserError): Promise<CreateOutcome> => {
    await ctx.store.releaseIdempotency(req.key);
    return { kind: 'invalid', error };
  };

  try {
    const [typist, people] = await Promise.all([
      resolveMember(context, activity.from.id, activity.from.name),
      resolvePeople(context, req.command.people),
    ]);
    if (!typist.ok) return invalid(typist.error);
    if (!people.ok) return invalid(people.error);
    const configs: AddonConfiguration[] = req.command.config ? await ctx.meet.listAddonConfigurations() : [];
    const planned = planMeeting({
      command: req.command,
      typist: typist.value,
      people: people.value,
      addonConfigurations: configs,
      sso: ctx.sso,
      generatePasscode: ctx.generatePasscode,
    });
    if (!planned.ok) return invalid(planned.error);
    plan = planned.value;
  } catch (error) {
    return fail(error, 'prepare');
  }

  const chosen = plan;
  const audit = auditBase(ctx, context);
  const creation = ctx.meet.createMeeting(chosen.request).then(
    async (meeting): Promise<Exclude<CreateOutcome, { kind: 'pending' }>> => {
      try {
        await ctx.store.completeIdempotency(req.key, { code: meeting.code, joinUrl: meeting.joinUrl });
        await ctx.store.recordMeet(auditEntry(audit, chosen, meeting));
      } catch (error) {
        // The Meet exists: the creator still gets it; the audit gap is in the log.
        log.error({ err: error, meetCode: meeting.code }, 'Teams: could not record the Meet');
      }
      log.info({ meetCode: meeting.code, template: chosen.template }, 'Meet created from Teams');
      return { kind: 'created', reply: buildMeetCreatedReply(chosen, meeting) as MeetCreatedReply };
    },
    (error: unknown) => fail(error, 'create') as Promise<Exclude<CreateOutcome, { kind: 'pending' }>>,
  );
  if (req.deadlineMs === undefined) return creation;

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), req.deadlineMs);
  });
  const first = await Promise.race([creation, deadline]);
  clearTimeout(timer);
  if (first !== 'late') return first;
  log.info({ deadlineMs: req.deadlineMs }, 'Teams: the Meet API is slow; the result will be posted');
  ctx.track(
    creation.then(async (outcome) => {
      try {
        await req.late?.(outcome);
      } catch (error) {
        reportFailure(log, error, 'late result delivery');
      }
    }),
  );
  return { kind: 'pending' };
}

type AuditBase = Omit<AuditEntry, 'meetCode' | 'joinUrl' | 'title' | 'template' | 'participants' | 'createdAt'> & {
  now: () => Date;
};

function auditBase(ctx: TeamsContext, context: TurnContext): AuditBase {
  const a = context.activity;
  const tenantId = tenantOf(a);
  return {
    now: ctx.clock,
    platform: 'teams',
    ...(tenantId ? { workspaceId: tenantId } : {}),
    channelId: a.conversation.id,
    userId: a.from.aadObjectId ?? a.from.id,
    ...(a.from.name ? { userName: a.from.name } : {}),
  };
}

function auditEntry(base: AuditBase, plan: MeetingPlan, meeting: Meeting): AuditEntry {
  const { now, ...rest } = base;
  return {
    ...rest,
    createdAt: now(),
    meetCode: meeting.code,
    joinUrl: meeting.joinUrl,
    title: meeting.title || plan.request.title || `Meet ${meeting.code}`,
    template: plan.template,
    participants: plan.roster.map((e) => ({
      displayName: e.person.displayName,
      ...(e.person.email ? { email: e.person.email } : {}),
      role: e.role,
      signIn: e.provider,
    })),
  };
}
