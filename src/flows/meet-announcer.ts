import type { MeetFeedback } from '../core/meet-feedback';
import type { MeetReminder } from '../core/reminder';
import type { MeetCreatedPublic } from '../core/reply-model';
import type { ScheduledMeet } from '../store/schedule-records';
import type { WatchedMeet } from '../store/watch-records';

/** How a platform shows a Meet after it was created; each adapter (Slack, Teams) implements it. */
export interface MeetAnnouncer {
  /**
   * Shows `shown` on the Meet's message. `gone`: the message, the channel or the bot is gone, so
   * the Meet is no longer followed; `skipped`: this message cannot be changed (any more). A
   * rejection (a 429, a 5xx) is tried again at the next tick. `message`: where it is now, if that changed.
   */
  show(watch: WatchedMeet, shown: MeetCreatedPublic, now: Date): Promise<ShowResult>;
  /** The ratings, privately to the creator. */
  sendFeedback(watch: WatchedMeet, feedback: MeetFeedback): Promise<void>;
  /**
   * A Meet for later is about to start: the reminder in its message's thread (or, where there is no
   * thread to reply in, a new message in its channel). `skipped` with why when it can go nowhere; a
   * rejection is a failure (the reminder was claimed: it is not tried again, never sent twice).
   */
  remind(meet: ScheduledMeet, reminder: MeetReminder): Promise<RemindResult>;
}

export type ShowResult = { outcome: 'shown' | 'gone' | 'skipped'; message?: unknown };

export type RemindResult = { outcome: 'sent'; where: 'thread' | 'channel' } | { outcome: 'skipped'; why: string };
