import { formatWhen } from '../core/formats';
import type { MeetCreatedPublic, Reply, UpcomingItem } from '../core/reply-model';
import type { Logger } from '../logger';
import type { ScheduledMeet } from '../store/schedule-records';
import type { Store } from '../store/store';
import type { WatchedMeet } from '../store/watch-records';
import type { MeetAnnouncer } from './meet-announcer';

/** `/meet upcoming` and `/meet cancel CODE`: a person's Meets for later, and calling one off. */

/** At most this many in the list: a busy recruiter's week fits, a message stays small. */
const listLimit = 25;

export interface Who {
  platform: ScheduledMeet['platform'];
  userId: string;
}

/** `/meet upcoming`: the person's Meets for later that have not ended, soonest first. */
export async function buildUpcomingReply(store: Store, who: Who, now: Date, timeZone: string): Promise<Reply> {
  const scheduled = await store.listUpcoming({ platform: who.platform, creatorId: who.userId, now, limit: listLimit });
  const meets = scheduled.flatMap((meet): UpcomingItem[] => {
    const shown = meet.shown as MeetCreatedPublic;
    if (!shown.schedule) return [];
    return [
      {
        code: meet.code,
        title: shown.title,
        joinUrl: shown.joinUrl,
        template: shown.template,
        schedule: shown.schedule,
      },
    ];
  });
  return { kind: 'upcoming', timeZone, meets };
}

export interface CancelDeps {
  store: Store;
  logger: Logger;
  /** The platform's announcer, to mark the message; absent: the message stays as it is. */
  announcer?: MeetAnnouncer;
}

/**
 * `/meet cancel CODE`, by the Meet's creator: its reminder is not sent, the watcher stops following
 * it and its message says Cancelled. The Meet itself stays: the Meet API cannot delete a Meet.
 */
export async function cancelScheduledMeet(deps: CancelDeps, who: Who, code: string, now: Date): Promise<Reply> {
  const meet = await deps.store.findScheduled(code);
  const notFound = (): Reply => ({
    kind: 'error',
    message: `None of your Meets for later has the code ${code}.`,
    hint: '/meet upcoming lists them with their codes. A Meet for now cannot be cancelled: it has no reminder.',
  });
  if (!meet || meet.platform !== who.platform) return notFound();
  if (meet.creatorId !== who.userId) {
    return { kind: 'error', message: `Only the person who created ${code} can cancel it.`, hint: 'Ask them to.' };
  }
  const shown = meet.shown as MeetCreatedPublic;
  // Notices are our own words: the Meet is named by its code and time, never by its (typed) title.
  const named = `the Meet ${code} of ${formatWhen(meet.startsAt, meet.timeZone)}`;
  const already: Reply = { kind: 'notice', text: `${capitalize(named)} is cancelled already.` };
  if (meet.state === 'cancelled') return already;
  if (meet.endsAt.getTime() <= now.getTime()) {
    return { kind: 'error', message: `${capitalize(named)} is over: there is nothing to cancel.` };
  }
  if (!(await deps.store.cancelScheduled(code, who.userId, now))) return already;
  const marked = await markCancelled(deps, meet, shown, now);
  deps.logger.info({ meetCode: code, marked }, 'Meet for later cancelled by its creator');
  const message = marked
    ? 'its message in the channel now says Cancelled'
    : 'its message in the channel could not be changed (it is gone, or too old to change)';
  return {
    kind: 'notice',
    text: `Cancelled ${named}: no reminder will be sent, and ${message}. The Meet itself still exists and its link still works, because the Meet API cannot delete a Meet: tell the people invited (Meet emailed them their invitation).`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Shows the message as cancelled and stops the watcher; false when the message could not be changed. */
async function markCancelled(
  deps: CancelDeps,
  meet: ScheduledMeet,
  shown: MeetCreatedPublic,
  now: Date,
): Promise<boolean> {
  const watch = await deps.store.findWatch(meet.code);
  if (watch) await deps.store.updateWatch(meet.code, { state: 'cancelled' });
  if (!deps.announcer) return false;
  // The watch knows where the message is now (a response_url counts its replacements); else the schedule.
  const target = watch ?? watchOf(meet);
  if (target.message === undefined) return false;
  try {
    const result = await deps.announcer.show(target, { ...shown, status: undefined, cancelled: true }, now);
    if (result.message !== undefined && watch) await deps.store.updateWatch(meet.code, { message: result.message });
    return result.outcome === 'shown';
  } catch (error) {
    deps.logger.warn({ err: error, meetCode: meet.code }, 'could not mark the message of a cancelled Meet');
    return false;
  }
}

/** A Meet for later as the announcer's view of a message (the watcher was off when it was created). */
function watchOf(meet: ScheduledMeet): WatchedMeet {
  return {
    code: meet.code,
    platform: meet.platform,
    ...(meet.workspaceId ? { workspaceId: meet.workspaceId } : {}),
    ...(meet.channelId ? { channelId: meet.channelId } : {}),
    creatorId: meet.creatorId,
    ...(meet.message === undefined ? {} : { message: meet.message }),
    shown: meet.shown,
    createdAt: meet.createdAt,
    watchFrom: meet.startsAt,
    state: 'cancelled',
    feedback: 'none',
    updatedAt: meet.updatedAt,
  };
}
