import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import type { Template } from '../core/command';
import type { MeetStatus } from '../core/meet-status';
import type { MeetCreatedPublic, MeetListItem, Reply } from '../core/reply-model';
import type { Store } from '../store/store';
import type { WatchedMeet } from '../store/watch-records';

/** At most this many Meets in a list: a busy recruiter's day fits, a message stays small. */
const listLimit = 25;

/** What the store knows of a watched Meet's life, as a status to show. */
export function statusOfWatch(watch: WatchedMeet): MeetListItem['status'] {
  if (watch.state === 'expired') return { state: 'expired' };
  if (watch.state === 'cancelled') return { state: 'cancelled' };
  if (watch.endedAt) {
    const minutes = Math.round((watch.durationSeconds ?? 0) / 60);
    const ended: MeetStatus = {
      state: 'ended',
      endedAt: watch.endedAt,
      minutes,
      participants: watch.participants ?? 0,
    };
    return watch.startedAt ? { ...ended, startedAt: watch.startedAt } : ended;
  }
  if (watch.startedAt) return { state: 'live', startedAt: watch.startedAt, participants: watch.participants ?? 0 };
  return { state: 'created' };
}

/** A person's Meets created since the start of their day, newest first. */
export async function listMeetsOfToday(
  store: Store,
  who: { platform: WatchedMeet['platform']; userId: string },
  now: Date,
  timeZone: string,
): Promise<MeetListItem[]> {
  const since = new Date(startOfDay(new TZDate(now.getTime(), timeZone)).getTime());
  const watches = await store.listWatchesByCreator({ ...who, creatorId: who.userId, since, limit: listLimit });
  return watches.map((w) => {
    const shown = w.shown as Partial<MeetCreatedPublic>;
    return {
      title: shown.title ?? `Meet ${w.code}`,
      joinUrl: shown.joinUrl ?? '',
      template: (shown.template ?? 'meeting') as Template,
      createdAt: w.createdAt,
      status: statusOfWatch(w),
    };
  });
}

/** `/meet status`. */
export async function buildStatusReply(
  store: Store,
  who: { platform: WatchedMeet['platform']; userId: string },
  now: Date,
  timeZone: string,
): Promise<Reply> {
  return { kind: 'meets', timeZone, meets: await listMeetsOfToday(store, who, now, timeZone) };
}
