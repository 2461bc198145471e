import type { RangePreset, RangeSpec } from './command';
import type { Result } from './errors';

/** RANGE of `/meet usage` and `/meet feedback`: a preset or inclusive calendar days. */

export const rangeFormsText =
  'this week, last week, this month, last month, 7d, 30d or YYYY-MM-DD..YYYY-MM-DD (e.g. 2026-01-01..2026-01-31)';

const presets: ReadonlyMap<string, RangePreset> = new Map<string, RangePreset>([
  ['this week', 'this week'],
  ['last week', 'last week'],
  ['this month', 'this month'],
  ['last month', 'last month'],
  ['7d', '7d'],
  ['30d', '30d'],
  ['7 days', '7d'],
  ['30 days', '30d'],
  ['last 7 days', '7d'],
  ['last 30 days', '30d'],
  ['last 7d', '7d'],
  ['last 30d', '30d'],
  ['week', 'this week'],
  ['month', 'this month'],
  ['previous week', 'last week'],
  ['previous month', 'last month'],
]);

const day = '(\\d{4})-(\\d{1,2})-(\\d{1,2})';
const rangePattern = new RegExp(`^${day}(?:(?:\\.\\.\\.?|\u2026|to|\u2013|\u2014)${day})?$`);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD`, or undefined when it is not a calendar day. */
function toDay(year: string, month: string, dayOfMonth: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(dayOfMonth);
  if (y < 1970 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The range the words describe; no words means last week. */
export function parseRange(words: readonly string[]): Result<RangeSpec> {
  if (words.length === 0) return { ok: true, value: { kind: 'preset', preset: 'last week' } };
  const typed = words.join(' ');
  const preset = presets.get(typed.toLowerCase());
  if (preset) return { ok: true, value: { kind: 'preset', preset } };
  const match = rangePattern.exec(words.join('').toLowerCase());
  if (!match) {
    return { ok: false, error: { message: `"${typed}" is not a range. Use ${rangeFormsText}.`, token: typed } };
  }
  const start = toDay(match[1], match[2], match[3]);
  const end = match[4] === undefined ? start : toDay(match[4], match[5], match[6]);
  if (start === undefined || end === undefined) {
    const bad = start === undefined ? `${match[1]}-${match[2]}-${match[3]}` : `${match[4]}-${match[5]}-${match[6]}`;
    return {
      ok: false,
      error: { message: `${bad} is not a calendar day. Use ${rangeFormsText}.`, token: typed },
    };
  }
  if (end < start) {
    return {
      ok: false,
      error: {
        message: `The range ends (${end}) before it starts (${start}). Put the earlier day first: ${end}..${start}.`,
        token: typed,
      },
    };
  }
  return { ok: true, value: { kind: 'days', start, end } };
}
