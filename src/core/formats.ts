import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * One way to write a number, a duration, a day, a range of days and an instant, for every reply
 * on every platform (the usage report, digests, the Meet message, App Home, the CLI).
 */

/** `5,432` / `3.4`: thousands separated, at most `decimals` decimals. */
export function formatNumber(n: number, decimals = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** `45m`, `1h`, `1h 30m`, `1,234h 05m`: minutes, whole (rounded). */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return `${total}m`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return rest === 0 ? `${formatNumber(hours)}h` : `${formatNumber(hours)}h ${String(rest).padStart(2, '0')}m`;
}

/** `★★★★☆` for a 1–5 rating, the number itself otherwise. */
export function stars(rating: number): string {
  return Number.isInteger(rating) && rating >= 1 && rating <= 5
    ? `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}`
    : String(rating);
}

/**
 * A calendar day `YYYY-MM-DD` in a pattern, read at noon UTC so its weekday does not depend on the
 * reader's zone. Anything else (a report from an API that said something odd) is shown as it is.
 */
function formatCalendarDay(day: string, pattern: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T12:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime())) return day;
  return format(new TZDate(date.getTime(), 'UTC'), pattern);
}

/** `Thu 3 Dec`, from `YYYY-MM-DD` (a day inside a period already named with its year). */
export function formatDay(day: string): string {
  return formatCalendarDay(day, 'EEE d MMM');
}

/** `Thu 3 Dec 2026`, from `YYYY-MM-DD`. */
export function formatDate(day: string): string {
  return formatCalendarDay(day, 'EEE d MMM yyyy');
}

/** `Mon 30 Nov – Sun 6 Dec 2026` (the first year only when it differs), or one day. */
export function formatDayRange(startDay: string, endDay: string): string {
  if (startDay === endDay) return formatDate(startDay);
  const sameYear = startDay.slice(0, 4) === endDay.slice(0, 4);
  return `${sameYear ? formatDay(startDay) : formatDate(startDay)} – ${formatDate(endDay)}`;
}

/** `Mon 7 Dec 2026 09:00`, in `timeZone`. */
export function formatInstant(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'EEE d MMM yyyy HH:mm');
}

/** `09:00`, in `timeZone`. */
export function formatClock(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'HH:mm');
}

/** Whether two instants fall on the same calendar day in `timeZone`. */
export function isSameDay(a: Date, b: Date, timeZone: string): boolean {
  const day = (d: Date) => format(new TZDate(d.getTime(), timeZone), 'yyyy-MM-dd');
  return day(a) === day(b);
}

/** `Fri 4 Dec 2026 15:00 Europe/Berlin`: an instant with the zone it is shown in, for the times people set. */
export function formatWhen(instant: Date, timeZone: string): string {
  return `${formatInstant(instant, timeZone)} ${timeZone}`;
}

/**
 * `Fri 4 Dec 2026 15:00–16:00 Europe/Berlin`, or with both days when it ends on another one
 * (`Thu 31 Dec 2026 23:30 – Fri 1 Jan 2027 00:30 Europe/Berlin`).
 */
export function formatSpan(start: Date, end: Date, timeZone: string): string {
  return isSameDay(start, end, timeZone)
    ? `${formatInstant(start, timeZone)}–${formatClock(end, timeZone)} ${timeZone}`
    : `${formatInstant(start, timeZone)} – ${formatInstant(end, timeZone)} ${timeZone}`;
}
