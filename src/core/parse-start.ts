import type { StartSpec } from './command';
import type { Arg } from './parse-args';
import { parseDuration } from './parse-duration';

/**
 * Which bare words of a create command say when the Meet is (`tomorrow 15:00`, `fri 10:30`,
 * `at 9`, `2026-12-04 09:00`, `in 2h`, `next monday 14:00`). They may stand anywhere and be split
 * by other arguments; they are read together, in order, by resolve-start.ts once the clock and the
 * zone are known. Only words that cannot mean anything else are taken: `2h` alone stays a
 * duration, `in 2h` is a time; a bare number is a time only next to `at`, `am`/`pm` or a month.
 */

const dayWords = new Set(['today', 'tomorrow', 'tonight', 'noon', 'midnight']);
const weekdayWords = new Set([
  'monday',
  'mon',
  'tuesday',
  'tue',
  'tues',
  'wednesday',
  'wed',
  'thursday',
  'thu',
  'thur',
  'thurs',
  'friday',
  'fri',
  'saturday',
  'sat',
  'sunday',
  'sun',
]);
const monthWords = new Set([
  'january',
  'jan',
  'february',
  'feb',
  'march',
  'mar',
  'april',
  'apr',
  'may',
  'june',
  'jun',
  'july',
  'jul',
  'august',
  'aug',
  'september',
  'sep',
  'sept',
  'october',
  'oct',
  'november',
  'nov',
  'december',
  'dec',
]);
const unitWords = /^(?:h|hr|hrs|hours?|m|mins?|minutes?|days?|weeks?)$/i;
const meridiem = /^(?:am|pm|a\.m\.|p\.m\.)$/i;

const clockTime = /^\d{1,2}(?::\d{2})?(?:am|pm)$|^\d{1,2}:\d{2}$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const ordinalDay = /^\d{1,2}(?:st|nd|rd|th)$/i;
const bareNumber = /^\d{1,4}$/;
const hoursOnly = /^\d{1,2}(?:h|hr|hrs|hour|hours)$/i;
const minutesOnly = /^\d{1,2}(?:m|min|mins|minute|minutes)$/i;

/** Whether a word is a duration after `in` (`2h`, `45m`, `1h30m`); a bare `0m` or `25h` still counts, resolve says why. */
function isDurationWord(word: string): boolean {
  const parsed = parseDuration(word, false);
  return parsed.ok || parsed.problem !== 'format';
}

type Words = ReadonlyArray<string | undefined>;

/** How many words from `i` an `in …` takes: `in 2h`, `in 1h 30m`, `in 2 hours`; 0 when it is not one. */
function relativeLength(words: Words, i: number): number {
  const next = words[i + 1];
  const after = words[i + 2];
  if (next === undefined) return 0;
  if (isDurationWord(next)) {
    return hoursOnly.test(next) && after !== undefined && minutesOnly.test(after) ? 3 : 2;
  }
  if (bareNumber.test(next) && after !== undefined && unitWords.test(after)) return 3;
  return 0;
}

/** Whether the bare number at `i` belongs to a date or a time (`at 9`, `9 am`, `4 Dec`, `Dec 4 2026`). */
function numberIsTime(words: Words, i: number): boolean {
  const previous = words[i - 1]?.toLowerCase();
  const next = words[i + 1]?.toLowerCase();
  if (previous === 'at' || (previous !== undefined && monthWords.has(previous))) return true;
  if (next !== undefined && (monthWords.has(next) || meridiem.test(next))) return true;
  // The year of `Dec 4 2026`.
  const twoBack = words[i - 2]?.toLowerCase();
  return previous !== undefined && bareNumber.test(previous) && twoBack !== undefined && monthWords.has(twoBack);
}

/** Whether the word at `i` starts a time by itself (what `at`, `on`, `next` may be followed by). */
function isTimeAnchor(words: Words, i: number): boolean {
  const word = words[i]?.toLowerCase();
  if (word === undefined) return false;
  return (
    dayWords.has(word) ||
    weekdayWords.has(word) ||
    monthWords.has(word) ||
    clockTime.test(word) ||
    isoDate.test(word) ||
    ordinalDay.test(word)
  );
}

/**
 * The positions of `words` (undefined where an argument is not a bare word) that form the time,
 * in order. Pure: nothing here knows the clock.
 */
export function findStartWords(words: Words): number[] {
  const taken: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]?.toLowerCase();
    if (word === undefined) continue;
    if (word === 'in') {
      const length = relativeLength(words, i);
      for (let k = 0; k < length; k++) taken.push(i + k);
      if (length > 0) i += length - 1;
      continue;
    }
    const next = words[i + 1]?.toLowerCase();
    let take = isTimeAnchor(words, i);
    if (!take && bareNumber.test(word)) take = numberIsTime(words, i);
    if (!take && meridiem.test(word)) {
      const previous = words[i - 1];
      take = previous !== undefined && bareNumber.test(previous);
    }
    if (!take && word === 'at') take = next !== undefined && (isTimeAnchor(words, i + 1) || bareNumber.test(next));
    if (!take && word === 'on') take = isTimeAnchor(words, i + 1);
    if (!take && (word === 'next' || word === 'this')) take = next !== undefined && weekdayWords.has(next);
    if (take) taken.push(i);
  }
  return taken;
}

/** The time the arguments name, and which arguments it took; undefined when none does. */
export function takeStart(args: readonly Arg[]): { spec: StartSpec; taken: Set<number> } | undefined {
  const words = args.map((arg) => (arg.kind === 'word' ? arg.text : undefined));
  const positions = findStartWords(words);
  if (positions.length === 0) return undefined;
  const text = positions.map((i) => words[i]).join(' ');
  const token = positions.map((i) => (args[i] as Extract<Arg, { kind: 'word' }>).raw).join(' ');
  return { spec: { kind: 'words', text, token }, taken: new Set(positions) };
}
