import type { MeetFeedback } from '../core/meet-feedback';
import type { MeetCreatedPublic } from '../core/reply-model';
import type { WatchedMeet } from '../store/watch-records';

/** How a platform shows a watched Meet; each adapter (Slack, Teams) implements it. */
export interface MeetAnnouncer {
  /**
   * Shows `shown` on the Meet's message. `gone`: the message, the channel or the bot is gone, so
   * the Meet is no longer followed; `skipped`: this message cannot be changed (any more). A
   * rejection (a 429, a 5xx) is tried again at the next tick. `message`: where it is now, if that changed.
   */
  show(watch: WatchedMeet, shown: MeetCreatedPublic, now: Date): Promise<ShowResult>;
  /** The ratings, privately to the creator. */
  sendFeedback(watch: WatchedMeet, feedback: MeetFeedback): Promise<void>;
}

export type ShowResult = { outcome: 'shown' | 'gone' | 'skipped'; message?: unknown };
