import { formatDuration } from './formats';

/** The words of a Meet for later, the same on every platform (the times are each renderer's own). */

/** Under the time: where and when the reminder comes; undefined without one. */
export function reminderNote(reminderMinutes: number): string | undefined {
  return reminderMinutes > 0 ? `Reminder in this thread ${formatDuration(reminderMinutes)} before` : undefined;
}

/** On the message of a cancelled Meet. */
export const cancelledNote =
  'Cancelled by its organizer. The Meet API cannot delete a Meet, so its link still works, but this Meet is off.';

/** After the title in a reminder: `starts in 10m` (then the time), or `has started` when it was sent late. */
export function startsWords(minutesToStart: number): string {
  return minutesToStart > 0 ? `starts in ${formatDuration(minutesToStart)}, at` : 'has started, at';
}
