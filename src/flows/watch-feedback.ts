import { buildMeetFeedback } from '../core/meet-feedback';
import type { MeetCreatedPublic } from '../core/reply-model';
import type { Logger } from '../logger';
import type { FeedbackRecord } from '../meet/schemas';
import type { Store } from '../store/store';
import type { WatchedMeet } from '../store/watch-records';
import type { MeetAnnouncer } from './meet-announcer';

/**
 * The ratings of an ended Meet, to its creator, once: the store's claim picks one replica, and a
 * claimed Meet is never sent again, even when the post failed (a duplicate private message is
 * worse than a missing one, as with digests). Without ratings the window closes 2 h after the end.
 */
export async function sendFeedbackOnce(
  deps: { store: Store; logger: Logger; announcers: Partial<Record<WatchedMeet['platform'], MeetAnnouncer>> },
  watch: WatchedMeet,
  ratings: FeedbackRecord[],
  now: Date,
): Promise<boolean> {
  if (ratings.length === 0) {
    if (watch.feedbackUntil && now.getTime() > watch.feedbackUntil.getTime()) {
      await deps.store.updateWatch(watch.code, { feedback: 'none' });
    }
    return false;
  }
  const announcer = deps.announcers[watch.platform];
  if (!announcer || !(await deps.store.claimWatchFeedback(watch.code))) return false;
  const shown = watch.shown as MeetCreatedPublic;
  try {
    await announcer.sendFeedback(watch, buildMeetFeedback({ title: shown.title, joinUrl: shown.joinUrl }, ratings));
    await deps.store.updateWatch(watch.code, { feedback: 'sent' });
    return true;
  } catch (error) {
    deps.logger.error(
      { err: error, meetCode: watch.code },
      'watcher: could not send the ratings to the creator; not sent again',
    );
    return false;
  }
}
