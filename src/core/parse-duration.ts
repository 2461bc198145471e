import { createLimits } from './limits';

/** `45m`, `1h`, `1h30m`, `90min`, `1.5h` and, after `duration:`, a bare number of minutes. */

export type DurationProblem = 'format' | 'zero' | 'negative' | 'tooLong';
export type DurationResult = { ok: true; minutes: number } | { ok: false; problem: DurationProblem };

export const maxDurationMinutes = createLimits.durationMinutes;

const hoursPattern = /^(\d{1,6}(?:[.,]\d{1,3})?)(?:h|hr|hrs|hour|hours)(?:(\d{1,6})(?:m|min|mins|minute|minutes)?)?$/i;
const minutesPattern = /^(\d{1,7})(?:m|min|mins|minute|minutes)$/i;
const barePattern = /^\d{1,7}$/;

/** Whether a bare word is an attempt at a duration (starts with a digit), so errors can say so. */
export function looksLikeDuration(word: string): boolean {
  const c = word.charCodeAt(word[0] === '-' || word[0] === '+' ? 1 : 0);
  return c >= 48 && c <= 57;
}

export function parseDuration(text: string, bareNumberIsMinutes: boolean): DurationResult {
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  let minutes: number;
  const hours = hoursPattern.exec(body);
  if (hours) {
    minutes = Number.parseFloat(hours[1].replace(',', '.')) * 60 + (hours[2] ? Number.parseInt(hours[2], 10) : 0);
  } else {
    const plain = minutesPattern.exec(body) ?? (bareNumberIsMinutes ? barePattern.exec(body) : null);
    if (!plain) return { ok: false, problem: 'format' };
    minutes = Number.parseInt(plain[1] ?? plain[0], 10);
  }
  if (!Number.isInteger(minutes)) return { ok: false, problem: 'format' };
  if (minutes === 0) return { ok: false, problem: 'zero' };
  if (negative) return { ok: false, problem: 'negative' };
  if (minutes > maxDurationMinutes) return { ok: false, problem: 'tooLong' };
  return { ok: true, minutes };
}

/** What to tell the person, with what they typed. */
export function describeDurationProblem(problem: DurationProblem, typed: string): string {
  const forms = 'Write it like 45m, 1h, 1h30m or duration:45 (minutes).';
  switch (problem) {
    case 'zero':
      return `A Meet can't last 0 minutes (${typed}). ${forms}`;
    case 'negative':
      return `A Meet can't last a negative time (${typed}). ${forms}`;
    case 'tooLong':
      return `A Meet lasts at most 24 hours; ${typed} is longer. ${forms}`;
    default:
      return `"${typed}" is not a duration. ${forms}`;
  }
}
