/**
 * Blanks ranges of one JSON log line without ever breaking it. A range inside a string is widened
 * to whole escape sequences (a match that starts after the backslash of `\n` would leave a lone
 * `\`); a range inside a number (a numeric passcode logged as a number) turns that number into
 * the string "[redacted]"; a range that crosses the structure is left alone: a secret lies within
 * one value. One pass over the line, and only for a line with something to blank.
 */

export const redactionMark = '[redacted]';

const QUOTE = 34;
const BACKSLASH = 92;
const LETTER_U = 117;

function isNumberUnit(unit: number): boolean {
  // 0-9 . + - e E
  return (unit >= 48 && unit <= 57) || unit === 46 || unit === 43 || unit === 45 || unit === 101 || unit === 69;
}

/** `ranges` are [start, end) pairs at or after `from`, where the line is outside any string. */
export function redactJsonLine(line: string, from: number, ranges: Array<[number, number]>): string {
  let last = from;
  for (const [, end] of ranges) last = Math.max(last, Math.min(end, line.length));
  // For each position up to the last range: the start of its token (an escape sequence is one
  // token) and the string it belongs to (1, 2, … in order; 0 for structure, quotes included).
  const tokenStart = new Int32Array(last - from);
  const stringOf = new Int32Array(last - from);
  const tokenEnd = (at: number) =>
    line.charCodeAt(at) === BACKSLASH && stringOf[at - from] > 0
      ? at + (line.charCodeAt(at + 1) === LETTER_U ? 6 : 2)
      : at + 1;
  let strings = 0;
  let inString = false;
  for (let p = from; p < last; ) {
    const unit = line.charCodeAt(p);
    let length = 1;
    let id = 0;
    if (inString && unit === QUOTE) inString = false;
    else if (inString) {
      id = strings;
      if (unit === BACKSLASH) length = line.charCodeAt(p + 1) === LETTER_U ? 6 : 2;
    } else if (unit === QUOTE) {
      inString = true;
      strings += 1;
    }
    for (let k = p; k < p + length && k < last; k++) {
      tokenStart[k - from] = p;
      stringOf[k - from] = id;
    }
    p += length;
  }

  const blanks: Array<{ start: number; end: number; mark: string }> = [];
  for (const [rangeStart, rangeEnd] of ranges) {
    const start = Math.max(rangeStart, from);
    const end = Math.min(rangeEnd, last);
    if (end <= start) continue;
    const id = stringOf[start - from];
    if (id > 0) {
      if (stringOf[end - 1 - from] !== id) continue;
      blanks.push({ start: tokenStart[start - from], end: tokenEnd(tokenStart[end - 1 - from]), mark: redactionMark });
      continue;
    }
    let numberEnd = start;
    while (numberEnd < line.length && isNumberUnit(line.charCodeAt(numberEnd))) numberEnd++;
    if (numberEnd < end || numberEnd === start) continue;
    let numberStart = start;
    while (numberStart > from && isNumberUnit(line.charCodeAt(numberStart - 1))) numberStart--;
    blanks.push({ start: numberStart, end: numberEnd, mark: `"${redactionMark}"` });
  }
  if (blanks.length === 0) return line;

  blanks.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let copied = 0;
  let current = blanks[0];
  for (const blank of blanks.slice(1)) {
    if (blank.start < current.end) current = { ...current, end: Math.max(current.end, blank.end) };
    else {
      out.push(line.slice(copied, current.start), current.mark);
      copied = current.end;
      current = blank;
    }
  }
  out.push(line.slice(copied, current.start), current.mark, line.slice(current.end));
  return out.join('');
}
