import { decodeEntity, entityLength } from './html-entities';

/** Character-level helpers of the tokenizer: entity decoding, separators, quotes. */

export interface Scan {
  text: string;
  i: number;
  /** Source length of the character `peekChar` returned last. */
  len: number;
  /** The quote character that closed the last quoted text. */
  closer: string;
}

export function peekChar(s: Scan): string {
  if (s.text.charCodeAt(s.i) === 38) {
    const len = entityLength(s.text, s.i);
    if (len > 0) {
      s.len = len;
      return decodeEntity(s.text, s.i, len);
    }
  }
  s.len = 1;
  return s.text[s.i];
}

/** Where a run of printable ASCII that needs no decoding (no `<`, `&`, quote or separator) ends. */
export function endOfPlainRun(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 60 || c === 38 || c === 34 || c === 39 || c === 44 || c === 59) break;
  }
  return i;
}

/** Whitespace, and the commas and semicolons people put between names. */
export function isSeparator(ch: string): boolean {
  if (ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 128) return c === 44 || c === 59;
  return (
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function isIgnorable(ch: string): boolean {
  return ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\u2060' || ch === '\ufeff';
}

const doubleClosers = '"\u201c\u201d\uff02';

/** The characters that close a quote opened with `ch`, or undefined when `ch` opens none. */
export function quoteClosers(ch: string): string | undefined {
  switch (ch) {
    case '"':
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\uff02':
      return doubleClosers;
    case '\u00ab':
      return '\u00bb';
    case '\u00bb':
      return '\u00ab';
    case "'":
    case '\u2018':
    case '\u201a':
      return "'\u2019\u2018";
    default:
      return undefined;
  }
}

/** A single quote closes only before a separator, so `'Bob's sync'` keeps its apostrophe. */
export function closesHere(s: Scan, closers: string, ch: string): boolean {
  if (!closers.includes(ch)) return false;
  if (closers !== "'\u2019\u2018") return true;
  const next = s.i + s.len;
  if (next >= s.text.length) return true;
  const saved = s.i;
  const savedLen = s.len;
  s.i = next;
  const after = peekChar(s);
  s.i = saved;
  s.len = savedLen;
  return isSeparator(after) || after === '<';
}

/** Decodes every entity of a short string (a Teams mention's inner text). */
export function decodeAll(text: string): string {
  if (!text.includes('&')) return text;
  const s: Scan = { text, i: 0, len: 1, closer: '' };
  let out = '';
  while (s.i < text.length) {
    out += peekChar(s);
    s.i += s.len;
  }
  return out;
}
