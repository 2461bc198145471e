import type { Clock } from '../core/clock';
import type { MeetingPlan, ResolvedPerson } from '../core/people';
import { reminderDue } from '../core/plan-schedule';
import type { MeetSchedule } from '../core/reply-model';
import type { Meeting } from '../meet/schemas';
import type { NewScheduledMeet } from '../store/schedule-records';
import type { AuditEntry } from '../store/store';
import type { NewWatchedMeet } from '../store/watch-records';
import type { CreateMeetRequest, MeetCreatedReply } from './create-meet';

/** What the store keeps of a created Meet (persist-meet.ts records it): the audit row, the watch, the schedule. */

/** What the watcher needs to follow the Meet: its tenant, where it was announced, what it showed. */
export function watchEntry(
  clock: Clock,
  req: CreateMeetRequest,
  meeting: Meeting,
  reply: MeetCreatedReply,
  message: unknown,
): NewWatchedMeet {
  const now = clock();
  const tenant = typeof meeting.partitionKey === 'string' && meeting.partitionKey ? meeting.partitionKey : undefined;
  return {
    code: meeting.code,
    ...(tenant ? { tenant } : {}),
    platform: req.platform as NewWatchedMeet['platform'],
    ...(req.creator.workspaceId ? { workspaceId: req.creator.workspaceId } : {}),
    ...(req.creator.channelId ? { channelId: req.creator.channelId } : {}),
    creatorId: req.creator.userId,
    ...(message === undefined ? {} : { message }),
    shown: reply.public,
    createdAt: now,
    // A Meet for later is followed from its start, not from its creation.
    watchFrom: reply.public.schedule ? new Date(reply.public.schedule.startsAt) : now,
  };
}

/** What the reminder needs: when, where the message is (to reply in its thread), who may cancel it. */
export function scheduleEntry(
  clock: Clock,
  req: CreateMeetRequest,
  meeting: Meeting,
  reply: MeetCreatedReply,
  schedule: MeetSchedule,
  message: unknown,
): NewScheduledMeet {
  const remindAt = reminderDue(schedule);
  return {
    code: meeting.code,
    platform: req.platform as NewScheduledMeet['platform'],
    ...(req.creator.workspaceId ? { workspaceId: req.creator.workspaceId } : {}),
    ...(req.creator.channelId ? { channelId: req.creator.channelId } : {}),
    creatorId: req.creator.userId,
    ...(message === undefined ? {} : { message }),
    shown: reply.public,
    startsAt: new Date(schedule.startsAt),
    endsAt: new Date(schedule.endsAt),
    timeZone: schedule.timeZone,
    ...(remindAt ? { remindAt } : {}),
    createdAt: clock(),
  };
}

export function auditEntry(
  clock: Clock,
  req: CreateMeetRequest,
  plan: MeetingPlan,
  meeting: Meeting,
  typist: ResolvedPerson,
): AuditEntry {
  const entry: AuditEntry = {
    createdAt: clock(),
    platform: req.platform,
    userId: req.creator.userId,
    userName: req.creator.userName ?? typist.displayName,
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
  if (req.creator.workspaceId) entry.workspaceId = req.creator.workspaceId;
  if (req.creator.channelId) entry.channelId = req.creator.channelId;
  return entry;
}
