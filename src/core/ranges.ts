import { TZDate } from '@date-fns/tz';
import {
  endOfDay,
  endOfMonth,
  endOfWeek,
  format,
  isValid,
  parse,
  startOfDay,
  startOfMonth,
  startOfWeek,
  subDays,
  subMonths,
  subWeeks,
} from 'date-fns';
import type { RangeSpec } from './command';
import type { Result } from './errors';
import { formatDayRange } from './formats';
import type { RangeLabel } from './reply-model';

export interface ResolvedRange {
  /** ISO 8601 UTC, the first millisecond of the first day. */
  from: string;
  /** ISO 8601 UTC, the last millisecond of the last day. */
  to: string;
  label: RangeLabel;
}

const weekOptions = { weekStartsOn: 1 } as const;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function parseDay(day: string, timeZone: string): TZDate | undefined {
  if (!dayPattern.test(day)) return undefined;
  // Parsed in the zone itself, so the calendar day is the one typed whatever the host's zone.
  const parsed = parse(day, 'yyyy-MM-dd', new TZDate(0, timeZone));
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === day ? parsed : undefined;
}

function presetDays(spec: RangeSpec & { kind: 'preset' }, today: TZDate): [TZDate, TZDate] {
  switch (spec.preset) {
    case 'this week':
      return [startOfWeek(today, weekOptions), endOfWeek(today, weekOptions)];
    case 'last week': {
      const lastWeek = subWeeks(today, 1);
      return [startOfWeek(lastWeek, weekOptions), endOfWeek(lastWeek, weekOptions)];
    }
    case 'this month':
      return [startOfMonth(today), endOfMonth(today)];
    case 'last month': {
      const lastMonth = subMonths(today, 1);
      return [startOfMonth(lastMonth), endOfMonth(lastMonth)];
    }
    case '7d':
      return [startOfDay(subDays(today, 6)), endOfDay(today)];
    case '30d':
      return [startOfDay(subDays(today, 29)), endOfDay(today)];
  }
}

/**
 * A range as typed → the instants to send to the usage and feedback endpoints. Days are
 * calendar days in `timeZone` (weeks start on Monday), so a day across a DST change is 23 or
 * 25 hours long; `to` is the last millisecond of the end day.
 */
export function resolveRange(spec: RangeSpec, opts: { now: Date; timeZone: string }): Result<ResolvedRange> {
  const { timeZone } = opts;
  if (!isKnownTimeZone(timeZone)) {
    return {
      ok: false,
      error: { message: `"${timeZone}" is not a time zone meetbot knows, e.g. Europe/Berlin.`, token: timeZone },
    };
  }
  let first: TZDate;
  let last: TZDate;
  let label: string;
  if (spec.kind === 'preset') {
    [first, last] = presetDays(spec, new TZDate(opts.now.getTime(), timeZone));
    label = spec.preset;
  } else {
    label = `${spec.start}..${spec.end}`;
    const start = parseDay(spec.start, timeZone);
    const end = parseDay(spec.end, timeZone);
    if (!start || !end) {
      const bad = start ? spec.end : spec.start;
      return {
        ok: false,
        error: {
          message: `${bad} is not a date: write days as YYYY-MM-DD, e.g. 2026-03-02..2026-03-08.`,
          token: label,
        },
      };
    }
    if (end.getTime() < start.getTime()) {
      return { ok: false, error: { message: `The range ${label} ends before it starts.`, token: label } };
    }
    first = startOfDay(start);
    last = endOfDay(end);
  }
  return {
    ok: true,
    value: {
      from: new Date(first.getTime()).toISOString(),
      to: new Date(last.getTime()).toISOString(),
      label: { label, startDay: format(first, 'yyyy-MM-dd'), endDay: format(last, 'yyyy-MM-dd'), timeZone },
    },
  };
}

/** A range as the renderers show it, so each says the days once. */
export interface RangeWords {
  /** What to call it: the preset (`last week`), or for days typed as such, the days themselves. */
  name: string;
  /** The days, e.g. `2026-11-16 to 2026-11-22`; absent when `name` already says them. */
  days?: string;
  timeZone: string;
}

/** `2026-11-01 to 2026-11-15`, or the one day. */
export function formatDays(range: RangeLabel): string {
  return formatDayRange(range.startDay, range.endDay);
}

/**
 * The name, days and zone of a range to show. A range typed as days (`2026-11-01..2026-11-15`)
 * is named by its days, so they are not repeated next to it.
 */
export function rangeWords(range: RangeLabel): RangeWords {
  const days = formatDays(range);
  const { label, timeZone } = range;
  if (label === `${range.startDay}..${range.endDay}` || label === range.startDay || label === days) {
    return { name: days, timeZone };
  }
  return { name: label, days, timeZone };
}
