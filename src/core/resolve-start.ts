import { TZDate, tzOffset } from '@date-fns/tz';
// The English locale alone: the package's main entry loads 15 locales (≈70 ms at start, not 16).
import { casual } from 'chrono-node/en';
import type { StartSpec } from './command';
import type { Result, UserError } from './errors';
import { formatInstant, formatWhen } from './formats';

/**
 * A Meet's start, as entered (typed words or a form's date and time), read into an instant with
 * the clock and the zone passed in. chrono-node reads the words; the wall-clock time is placed in
 * the IANA zone here, with @date-fns/tz, because chrono applies one fixed offset (the reference's)
 * and cannot see a daylight-saving gap or fold. Every mistake says how the time was read.
 */

export interface StartContext {
  now: Date;
  /** IANA zone, already checked. */
  timeZone: string;
}

/** A Meet is scheduled at most this far ahead (its reminder waits in the store until then). */
export const maxDaysAhead = 366;

const examples = 'Write it like tomorrow 15:00, fri 10:30, at 9, 2026-12-04 09:00 or in 2h.';
const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function fail(message: string, token: string): Result<Date> {
  return { ok: false, error: { message, token, field: 'date' } satisfies UserError };
}

/** The instant `spec` names in `context.timeZone`, in the future; a clear mistake otherwise. */
export function resolveStart(spec: StartSpec, context: StartContext): Result<Date> {
  const read = spec.kind === 'words' ? readWords(spec.text, spec.token, context) : readWall(spec, context.timeZone);
  if (!read.ok) return read;
  const token = spec.kind === 'words' ? spec.token : `${spec.date} ${spec.time}`;
  const shown = formatWhen(read.value, context.timeZone);
  if (read.value.getTime() <= context.now.getTime()) {
    const how = spec.kind === 'words' ? `Give a time from now on. ${examples}` : 'Pick a later day or time.';
    return fail(`${shown} is in the past. ${how}`, token);
  }
  if (read.value.getTime() - context.now.getTime() > maxDaysAhead * dayMs) {
    return fail(`${shown} is more than a year ahead. Schedule it at most ${maxDaysAhead} days ahead.`, token);
  }
  return read;
}

/** The zone's wall clock at `now`, as a UTC date with the same fields (what chrono reads from). */
function wallAsUtc(now: Date, timeZone: string): Date {
  const local = new TZDate(now.getTime(), timeZone);
  return new Date(
    Date.UTC(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
    ),
  );
}

function readWords(text: string, token: string, context: StartContext): Result<Date> {
  const impossible = impossibleDate(text);
  if (impossible) return fail(`${impossible} ${examples}`, token);
  const reference = wallAsUtc(context.now, context.timeZone);
  // chrono computes in "UTC" with the zone's wall-clock fields (timezone 0), so the process's own
  // zone plays no part; forwardDate: a weekday or a bare time means the next one, not a past one.
  const results = casual.parse(text, { instant: reference, timezone: 0 }, { forwardDate: true });
  const result = results[0];
  if (!result) return fail(`I could not read "${text}" as a time. ${examples}`, token);
  const leftover = leftoverWords(text, result.text);
  if (results.length > 1 || leftover) {
    const extra = leftover || results[1].text;
    return fail(`I read "${result.text}" as a time, but not "${extra}". Give one time. ${examples}`, token);
  }
  const c = result.start;
  const wall: Wall = {
    year: c.get('year') ?? 0,
    month: c.get('month') ?? 0,
    day: c.get('day') ?? 0,
    hour: c.get('hour') ?? 0,
    minute: c.get('minute') ?? 0,
  };
  const fields = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  if (result.tags().has('result/relativeDateAndTime')) {
    // `in 2h`: a span of real time from now (across a clock change too), to the minute.
    const start = context.now.getTime() + (fields - reference.getTime());
    return { ok: true, value: new Date(Math.floor(start / minuteMs) * minuteMs) };
  }
  if (!c.isCertain('hour')) {
    return fail(`"${result.text}" has no time of day. Add one: ${result.text} 15:00.`, token);
  }
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  // A written offset (`2026-12-04T09:00+01:00`) decides the instant by itself.
  if (offset !== null && offset !== undefined) return { ok: true, value: new Date(fields - offset * minuteMs) };
  return placeInZone(wall, context.timeZone, token);
}

/** The words of `text` that `read` (chrono's match) left out, besides the fillers `at` and `on`. */
function leftoverWords(text: string, read: string): string {
  const at = read ? text.toLowerCase().indexOf(read.toLowerCase()) : -1;
  const rest = at < 0 ? text : `${text.slice(0, at)} ${text.slice(at + read.length)}`;
  return rest
    .split(/\s+/)
    .filter((w) => w && !/^(?:at|on)$/i.test(w))
    .join(' ');
}

/** `2026-02-30` is no day: chrono skips it silently, so it is named here. */
function impossibleDate(text: string): string | undefined {
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      return `${match[0]} is not a calendar day.`;
    }
  }
  return undefined;
}

const formDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const formTime = /^(\d{1,2}):(\d{2})(?::\d{2})?$/;

/** A form's date and time pickers, a wall-clock time in the person's zone. */
function readWall(spec: Extract<StartSpec, { kind: 'wall' }>, timeZone: string): Result<Date> {
  const token = `${spec.date} ${spec.time}`;
  const date = formDate.exec(spec.date.trim());
  const time = formTime.exec(spec.time.trim());
  const impossible = impossibleDate(spec.date);
  if (!date || impossible) return fail(impossible ?? `"${spec.date}" is not a date (YYYY-MM-DD).`, token);
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) {
    return { ok: false, error: { message: `"${spec.time}" is not a time of day (HH:MM).`, token, field: 'time' } };
  }
  const wall = {
    year: Number(date[1]),
    month: Number(date[2]),
    day: Number(date[3]),
    hour: Number(time[1]),
    minute: Number(time[2]),
  };
  return placeInZone(wall, timeZone, token);
}

/**
 * The instant a wall-clock time names in `timeZone`. In a daylight-saving gap there is none (an
 * error); in a fold there are two, and the first is taken: people who write 02:30 on the night
 * the clocks go back mean the first 02:30, before the clocks were turned.
 */
function placeInZone(wall: Wall, timeZone: string, token: string): Result<Date> {
  const instants = instantsOf(wall, timeZone);
  if (instants.length > 0) return { ok: true, value: instants[0] };
  // The wall-clock time as written: its fields, shown as they are (UTC has no gaps).
  const written = formatInstant(new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)), 'UTC');
  return fail(
    `${written} does not exist in ${timeZone}: the clocks skip that hour for daylight saving time. Pick a time outside it.`,
    token,
  );
}

/** Every instant whose wall clock in `timeZone` reads `wall`, earliest first (0, 1 or 2 of them). */
export function instantsOf(wall: Wall, timeZone: string): Date[] {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offsets in force around that day: a clock change is never more than a day away from both.
  const offsets = new Set([-dayMs, 0, dayMs].map((shift) => tzOffset(timeZone, new Date(asUtc + shift))));
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = asUtc - offset * minuteMs;
    const local = new TZDate(candidate, timeZone);
    const same =
      local.getFullYear() === wall.year &&
      local.getMonth() === wall.month - 1 &&
      local.getDate() === wall.day &&
      local.getHours() === wall.hour &&
      local.getMinutes() === wall.minute;
    if (same) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b).map((ms) => new Date(ms));
}
