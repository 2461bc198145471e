import type { Clock } from '../core/clock';
import type { CreateCommand, PersonRef, Platform } from '../core/command';
import { AppError, type Result, type UserError } from '../core/errors';
import type { MeetingPlan, ResolvedPerson, SsoSettings } from '../core/people';
import { planMeeting } from '../core/plan-meeting';
import { planSchedule } from '../core/plan-schedule';
import { buildMeetCreatedReply } from '../core/replies';
import type { MeetCreatedPrivate, MeetCreatedPublic, MeetSchedule, Reply } from '../core/reply-model';
import type { Logger } from '../logger';
import { isMeetApiError } from '../meet/errors';
import type { MeetApi } from '../meet/meet-api';
import type { AddonConfiguration, Meeting } from '../meet/schemas';
import { metrics } from '../metrics/metrics';
import type { Store } from '../store/store';
import type { InFlight } from './in-flight';
import { auditEntry, scheduleEntry, watchEntry } from './meet-records';
import { type PersistOptions, persistAfterDelivery } from './persist-meet';
import { type ErrorReply, reportFailure } from './report-failure';

/**
 * Creating a Meet, the product's main act, once for every entry point (the Slack command and
 * modal, Teams messages and message extension, the CLI): claim → resolve → plan → create →
 * deliver → complete or release → audit. The platform passes in how to resolve people and how to
 * deliver the public and the private part; every way out is an outcome, never an exception.
 */

export type MeetCreatedReply = Extract<Reply, { kind: 'meetCreated' }>;

export interface ResolvedPeople {
  typist: ResolvedPerson;
  people: Array<{ ref: PersonRef; person: ResolvedPerson }>;
}

export interface CreateMeetDeps {
  meet: MeetApi;
  /** Claims, audit. The CLI has none: a terminal command is neither redelivered nor audited. */
  store?: Store;
  logger: Logger;
  clock: Clock;
  sso: SsoSettings;
  generatePasscode: () => string;
  inFlight: InFlight;
  persist?: Partial<PersistOptions>;
  /** The watcher follows Meets created from chat (MEET_STATUS_POLL_SECONDS > 0): their message says so. */
  watching?: boolean;
  /** DIGEST_TIME_ZONE: a Meet for later is read in it when neither `tz:` nor the person's zone is known. */
  defaultTimeZone: string;
  /** MEET_REMINDER_MINUTES: a Meet for later's reminder lead unless `remind:` says otherwise (0: none). */
  reminderMinutes: number;
}

/**
 * The create use case's dependencies out of a platform's context (Slack's, Teams'), which holds them
 * among others: one list, so a new dependency reaches every surface.
 */
export function createDepsOf(ctx: CreateMeetDeps): CreateMeetDeps {
  return {
    meet: ctx.meet,
    ...(ctx.store ? { store: ctx.store } : {}),
    logger: ctx.logger,
    clock: ctx.clock,
    sso: ctx.sso,
    generatePasscode: ctx.generatePasscode,
    inFlight: ctx.inFlight,
    ...(ctx.persist ? { persist: ctx.persist } : {}),
    ...(ctx.watching === undefined ? {} : { watching: ctx.watching }),
    defaultTimeZone: ctx.defaultTimeZone,
    reminderMinutes: ctx.reminderMinutes,
  };
}

/** Where the two parts of a created Meet go. Each is tried whatever happens to the other. */
export interface Delivery {
  /**
   * The channel's part: title, Join, people by role (and, for later, when and the calendar links);
   * never a secret. Resolves to where the message is (platform JSON) when it can be changed in place
   * later, so the watcher can show the Meet's life and the reminder can reply in its thread.
   */
  public(part: MeetCreatedPublic, meet: { code: string }): Promise<unknown>;
  /** The creator's part: the Meet code and the passcodes. */
  private(part: MeetCreatedPrivate): Promise<void>;
}

export interface CreateMeetRequest {
  platform: Platform;
  command: CreateCommand;
  /**
   * One Meet per key, across replicas and redeliveries: a Slack trigger or view, a Teams
   * conversation and activity. Absent (the CLI), every call creates.
   */
  key?: string;
  creator: { userId: string; userName?: string; workspaceId?: string; channelId?: string };
  resolve(): Promise<Result<ResolvedPeople>>;
  deliver: Delivery;
  /** Told once when the Meet API has not answered after `afterMs` (the result follows). */
  slow?: { afterMs: number; notify(): Promise<void> };
}

export type CreateOutcome =
  | { kind: 'created'; reply: MeetCreatedReply; meeting: Meeting; plan: MeetingPlan }
  /**
   * The key was claimed before: this is a redelivery, and nothing was done. `outcome` is what the
   * first delivery recorded (`{ code, joinUrl }`) once it finished.
   */
  | { kind: 'duplicate'; outcome?: unknown }
  | { kind: 'invalid'; error: UserError }
  /** `code`: what failed (a MeetApiError or AppError code), for the metrics' reason. */
  | { kind: 'failed'; reply: ErrorReply; code: string };

const idempotencyTtlMs = 24 * 60 * 60_000;

/**
 * Errors that prove the Meet API created nothing, so the key may be used again. A timeout, a
 * dropped connection or a 5xx may have created the Meet: the key stays taken.
 */
export function provesNothingCreated(error: unknown): boolean {
  return (
    isMeetApiError(error) &&
    ['invalid_request', 'bad_request', 'unauthorized', 'rate_limited', 'not_found', 'conflict'].includes(error.code)
  );
}

export async function createMeet(deps: CreateMeetDeps, req: CreateMeetRequest): Promise<CreateOutcome> {
  const outcome = await createOnce(deps, req);
  countOutcome(req, outcome);
  return outcome;
}

/** Meets created and failed, by platform, template and reason (the error's code); redeliveries stopped. */
function countOutcome(req: CreateMeetRequest, outcome: CreateOutcome): void {
  const labels = { platform: req.platform, template: req.command.template };
  switch (outcome.kind) {
    case 'created':
      metrics.meetsCreated.inc({ platform: req.platform, template: outcome.plan.template });
      return;
    case 'duplicate':
      metrics.idempotencyHits.inc({ platform: req.platform });
      return;
    case 'invalid':
      metrics.meetsFailed.inc({ ...labels, reason: 'invalid' });
      return;
    case 'failed':
      metrics.meetsFailed.inc({ ...labels, reason: outcome.code });
  }
}

async function createOnce(deps: CreateMeetDeps, req: CreateMeetRequest): Promise<CreateOutcome> {
  const log = deps.logger.child({
    workspaceId: req.creator.workspaceId,
    channelId: req.creator.channelId,
    userId: req.creator.userId,
  });
  const { store } = deps;
  const key = store ? req.key : undefined;
  const release = async () => {
    if (!store || !key) return;
    await store.releaseIdempotency(key).catch((error: unknown) => {
      // The key then expires by itself; until it does, the same trigger is taken for a duplicate.
      log.warn({ err: error, key }, 'could not release the idempotency key');
    });
  };

  let plan: MeetingPlan;
  let typist: ResolvedPerson;
  let schedule: MeetSchedule | undefined;
  try {
    if (store && key) {
      const claim = await store.claimIdempotency(key, idempotencyTtlMs);
      if (claim.status === 'taken') {
        log.info({ key }, 'seen before: no second Meet');
        return claim.outcome === undefined ? { kind: 'duplicate' } : { kind: 'duplicate', outcome: claim.outcome };
      }
    }
    const prepared = await prepare(deps, req);
    if (!prepared.ok) {
      await release();
      return { kind: 'invalid', error: prepared.error };
    }
    ({ plan, typist, schedule } = prepared.value);
  } catch (error) {
    await release();
    return {
      kind: 'failed',
      reply: reportFailure(log, error, 'create (prepare)', { operation: 'read' }),
      code: errorCode(error),
    };
  }

  let meeting: Meeting;
  try {
    meeting = await createWithNotice(deps, req, plan);
  } catch (error) {
    if (provesNothingCreated(error)) await release();
    const secrets = secretsOf(plan);
    return {
      kind: 'failed',
      reply: reportFailure(log, error, 'create', { operation: 'create', secrets }),
      code: errorCode(error),
    };
  }

  // The Meet exists: delivering it comes first, whatever the store does afterwards.
  const reply = buildMeetCreatedReply(plan, meeting) as MeetCreatedReply;
  if (schedule) {
    reply.public.schedule = schedule;
    reply.private.schedule = schedule;
  }
  const watched = deps.watching === true && req.platform !== 'cli';
  if (watched) reply.public.status = { state: 'created' };
  const message = await deliver(log, req.deliver, reply, meeting.code);
  log.info(
    { meetCode: meeting.code, template: plan.template, ...(schedule ? { startsAt: schedule.startsAt } : {}) },
    `Meet created from ${req.platform}`,
  );
  if (store) {
    await persistAfterDelivery(
      { store, logger: log, inFlight: deps.inFlight, options: deps.persist },
      {
        key,
        outcome: { code: meeting.code, joinUrl: meeting.joinUrl },
        audit: auditEntry(deps.clock, req, plan, meeting, typist),
        ...(watched ? { watch: watchEntry(deps.clock, req, meeting, reply, message) } : {}),
        ...(schedule && req.platform !== 'cli'
          ? { schedule: scheduleEntry(deps.clock, req, meeting, reply, schedule, message) }
          : {}),
      },
    );
  }
  return { kind: 'created', reply, meeting, plan };
}

async function prepare(
  deps: CreateMeetDeps,
  req: CreateMeetRequest,
): Promise<Result<{ plan: MeetingPlan; typist: ResolvedPerson; schedule?: MeetSchedule }>> {
  const resolved = await req.resolve();
  if (!resolved.ok) return resolved;
  // When, before anything is asked of the Meet API: a time in the past creates nothing.
  const schedule = planSchedule({
    command: req.command,
    now: deps.clock(),
    personZone: resolved.value.typist.timeZone,
    defaultZone: deps.defaultTimeZone,
    defaultReminderMinutes: deps.reminderMinutes,
  });
  if (!schedule.ok) return schedule;
  const configs: AddonConfiguration[] = req.command.config ? await deps.meet.listAddonConfigurations() : [];
  const planned = planMeeting({
    command: req.command,
    typist: resolved.value.typist,
    people: resolved.value.people,
    addonConfigurations: configs,
    sso: deps.sso,
    generatePasscode: deps.generatePasscode,
  });
  if (!planned.ok) return planned;
  const value = { plan: planned.value, typist: resolved.value.typist };
  return { ok: true, value: schedule.value ? { ...value, schedule: schedule.value } : value };
}

async function createWithNotice(deps: CreateMeetDeps, req: CreateMeetRequest, plan: MeetingPlan): Promise<Meeting> {
  const slow = req.slow;
  const timer = slow
    ? setTimeout(() => {
        slow.notify().catch((error: unknown) => deps.logger.warn({ err: error }, 'could not send the slow-API notice'));
      }, slow.afterMs)
    : undefined;
  try {
    return await deps.meet.createMeeting(plan.request);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Both parts, side by side; a part that cannot be delivered is logged with a reference id. Resolves
 * to where the public part was posted, when the platform said.
 */
async function deliver(log: Logger, delivery: Delivery, reply: MeetCreatedReply, code: string): Promise<unknown> {
  const [shown, secret] = await Promise.allSettled([
    delivery.public(reply.public, { code }),
    delivery.private(reply.private),
  ]);
  if (shown.status === 'rejected') {
    reportFailure(log, shown.reason, 'delivering the Meet (public part)', { fields: { meetCode: reply.private.code } });
  }
  if (secret.status === 'rejected') {
    reportFailure(log, secret.reason, 'delivering the Meet (private part)', {
      fields: { meetCode: reply.private.code },
      secrets: reply.private.passcodes.map((p) => p.passcode),
    });
  }
  return shown.status === 'fulfilled' ? shown.value : undefined;
}

/** A bounded word for what failed: the error family's code, never its message. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return isMeetApiError(error) || error instanceof AppError ? String(code) : 'internal';
}

function secretsOf(plan: MeetingPlan): string[] {
  return [
    ...plan.roster.flatMap((e) => (e.passcode ? [e.passcode] : [])),
    ...(plan.guestPasscode ? [plan.guestPasscode] : []),
  ];
}
