import { TZDate } from '@date-fns/tz';
import { Cron } from 'croner';
import { addDays, format, startOfWeek, subWeeks } from 'date-fns';

/**
 * When a weekly digest is due and which week it covers. Pure: the caller passes the instant.
 * croner walks the weekday/time/zone schedule (it knows DST gaps and overlaps); date-fns with
 * TZDate finds week boundaries in the subscription's zone, so a week with a DST change is
 * 167 or 169 hours long and still starts at Monday 00:00 local time.
 */

export interface DigestSchedule {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  /** `HH:MM`, 24-hour. */
  time: string;
  timeZone: string;
}

export interface DigestPeriod {
  /** Monday 00:00 in `timeZone`: the store's `periodStart` key is `start.toISOString()`. */
  start: Date;
  /** The next Monday 00:00 in `timeZone` (exclusive). */
  end: Date;
  /** The Monday a week before `start`, for the week-over-week comparison. */
  previousStart: Date;
  /** Inclusive calendar days in `timeZone`, `YYYY-MM-DD`. */
  startDay: string;
  endDay: string;
  timeZone: string;
}

export const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const cronCache = new Map<string, Cron>();

function cronOf(schedule: DigestSchedule): Cron {
  const key = `${schedule.weekday} ${schedule.time} ${schedule.timeZone}`;
  let cron = cronCache.get(key);
  if (!cron) {
    const [hours, minutes] = parseTime(schedule.time);
    // croner counts Sunday as 0.
    const pattern = `0 ${minutes} ${hours} * * ${schedule.weekday % 7}`;
    cron = new Cron(pattern, { timezone: schedule.timeZone, paused: true });
    if (cronCache.size > 10_000) cronCache.clear();
    cronCache.set(key, cron);
  }
  return cron;
}

/** `HH:MM` → [hours, minutes]; throws on anything else (the parser validated it already). */
export function parseTime(time: string): [number, number] {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time of day (HH:MM)`);
  return [Number(match[1]), Number(match[2])];
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The most recent due instant at or before `at`. */
export function lastDueAt(schedule: DigestSchedule, at: Date): Date {
  // previousRuns excludes a run exactly at the reference; 1 ms later includes it.
  const [due] = cronOf(schedule).previousRuns(1, new Date(at.getTime() + 1));
  if (!due) throw new RangeError('a weekly schedule always has a previous run');
  return due;
}

/** The first due instant strictly after `at`. */
export function nextDueAfter(schedule: DigestSchedule, at: Date): Date {
  const next = cronOf(schedule).nextRun(at);
  if (!next) throw new RangeError('a weekly schedule always has a next run');
  return next;
}

/** The last complete Monday–Sunday week, in `timeZone`, before the instant `due`. */
export function periodBefore(due: Date, timeZone: string): DigestPeriod {
  const local = new TZDate(due.getTime(), timeZone);
  const thisMonday = startOfWeek(local, { weekStartsOn: 1 });
  const start = subWeeks(thisMonday, 1);
  const previousStart = subWeeks(thisMonday, 2);
  return {
    start: new Date(start.getTime()),
    end: new Date(thisMonday.getTime()),
    previousStart: new Date(previousStart.getTime()),
    startDay: format(start, 'yyyy-MM-dd'),
    endDay: format(addDays(start, 6), 'yyyy-MM-dd'),
    timeZone,
  };
}

/** The 7 calendar days of a period, `YYYY-MM-DD`, Monday first. */
export function daysOf(period: DigestPeriod): string[] {
  const monday = new TZDate(period.start.getTime(), period.timeZone);
  return Array.from({ length: 7 }, (_, i) => format(addDays(monday, i), 'yyyy-MM-dd'));
}

/** `YYYY-MM-DD` of an instant in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** e.g. `Monday`. */
export function weekdayLabel(weekday: number): string {
  const name = weekdayNames[weekday - 1] ?? 'monday';
  return name[0].toUpperCase() + name.slice(1);
}
