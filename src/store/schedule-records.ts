/**
 * Meets for later (issue "Meets for later"): when each is, where it was announced, and its
 * reminder in the message's thread. The Meet API has no start time, so this is meetbot's own
 * record of it. The message reference and the shown part are opaque JSON here: the adapters know them.
 */

/** `scheduled` until its creator calls it off. */
export type ScheduleState = 'scheduled' | 'cancelled';

/**
 * `pending` until it is due; `claimed` by the one replica that sends it, then `sent`, `failed` or
 * `skipped` (due while meetbot was down for too long, or nowhere to post). `none`: no reminder was
 * asked for; `cancelled`: the Meet was called off first.
 */
export type ReminderState = 'pending' | 'claimed' | 'sent' | 'failed' | 'skipped' | 'none' | 'cancelled';

export interface ScheduledMeet {
  code: string;
  platform: 'slack' | 'teams';
  /** Slack team/enterprise id, Teams tenant id. */
  workspaceId?: string;
  channelId?: string;
  /** Who created it: the only one who may cancel it. */
  creatorId: string;
  /** Where the announcing message is (platform-specific JSON): the reminder replies in its thread. */
  message?: unknown;
  /** The public part of the Meet as first shown (platform-neutral JSON), to render it again. */
  shown: unknown;
  startsAt: Date;
  endsAt: Date;
  /** The zone the time was read in (the organizer's). */
  timeZone: string;
  /** When the reminder is due; absent when none was asked for. */
  remindAt?: Date;
  state: ScheduleState;
  reminder: ReminderState;
  /** Why a reminder was skipped or failed. */
  reminderNote?: string;
  remindedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type NewScheduledMeet = Pick<
  ScheduledMeet,
  | 'code'
  | 'platform'
  | 'workspaceId'
  | 'channelId'
  | 'creatorId'
  | 'message'
  | 'shown'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'remindAt'
  | 'createdAt'
>;

export interface ScheduleStore {
  /** Keeps a Meet for later (its reminder `pending`, or `none` without `remindAt`); a second call changes nothing. */
  scheduleMeet(meet: NewScheduledMeet): Promise<void>;
  findScheduled(code: string): Promise<ScheduledMeet | undefined>;
  /** Pending reminders due at `now` (remind_at ≤ now), of Meets not cancelled; the longest due first. */
  listDueReminders(now: Date, limit: number): Promise<ScheduledMeet[]>;
  /** `pending` → `claimed`, exactly once across processes and restarts: the winner sends it. */
  claimReminder(code: string, now: Date): Promise<boolean>;
  /** What became of a claimed reminder. */
  finishReminder(
    code: string,
    result: { state: 'sent' | 'failed' | 'skipped'; note?: string; at: Date },
  ): Promise<void>;
  /** A person's Meets for later that are not cancelled and end after `now`, soonest first. */
  listUpcoming(query: {
    platform: ScheduledMeet['platform'];
    creatorId: string;
    now: Date;
    limit: number;
  }): Promise<ScheduledMeet[]>;
  /**
   * `scheduled` → `cancelled` for its creator (a pending reminder with it); false when it is not
   * theirs, already cancelled or unknown.
   */
  cancelScheduled(code: string, creatorId: string, at: Date): Promise<boolean>;
}
