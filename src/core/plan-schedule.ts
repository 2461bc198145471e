import type { CreateCommand } from './command';
import type { Result } from './errors';
import type { MeetSchedule } from './reply-model';
import { resolveStart } from './resolve-start';
import { usageLines } from './usage-lines';

/**
 * When a Meet for later is, from its command, the clock and the zones passed in: start and end (the
 * end from the duration, the Meet API's 60 minutes when none was given) and the reminder.
 */

/** A Meet lasts this long when the command gives no duration (the Meet API's default). */
export const defaultMeetMinutes = 60;
/** MEET_REMINDER_MINUTES when unset: the channel is reminded this long before a Meet for later. */
export const defaultReminderMinutes = 10;
const minuteMs = 60_000;

export interface ScheduleInput {
  command: CreateCommand;
  now: Date;
  /** The person's own zone (Slack `users.info` tz, Teams clientInfo), if the platform said. */
  personZone?: string;
  /** DIGEST_TIME_ZONE: when neither `tz:` nor the person's zone is known. */
  defaultZone: string;
  /** MEET_REMINDER_MINUTES: the reminder's lead unless `remind:` says otherwise (0: none). */
  defaultReminderMinutes: number;
}

/** The Meet's schedule, undefined for a Meet for now, or the mistake (how the time was read). */
export function planSchedule(input: ScheduleInput): Result<MeetSchedule | undefined> {
  const { command, now } = input;
  if (!command.start) return { ok: true, value: undefined };
  // The zone, in order: tz:, the person's own, the default.
  const timeZone = command.timeZone ?? input.personZone ?? input.defaultZone;
  const start = resolveStart(command.start, { now, timeZone });
  if (!start.ok) {
    const usage = command.start.kind === 'words' ? usageLines.later : undefined;
    return { ok: false, error: { ...start.error, ...(usage ? { usage } : {}) } };
  }
  const startsAt = start.value;
  const endsAt = new Date(startsAt.getTime() + (command.durationMinutes ?? defaultMeetMinutes) * minuteMs);
  let reminderMinutes = command.reminderMinutes ?? input.defaultReminderMinutes;
  // A reminder due already (`in 5m` with a 10-minute lead) would follow the message at once: none.
  if (startsAt.getTime() - reminderMinutes * minuteMs <= now.getTime()) reminderMinutes = 0;
  return {
    ok: true,
    value: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), timeZone, reminderMinutes },
  };
}

/** When the reminder is due; undefined without one. */
export function reminderDue(schedule: MeetSchedule): Date | undefined {
  if (schedule.reminderMinutes <= 0) return undefined;
  return new Date(Date.parse(schedule.startsAt) - schedule.reminderMinutes * minuteMs);
}
