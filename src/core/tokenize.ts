import type { Result } from './errors';
import { decodeEntity, entityLength } from './html-entities';

/**
 * The first step of parsing `/meet` text: the same scanner for Slack (escaped `<@U1>`, `&amp;`),
 * Teams (`<at>Alice</at>`, `<p>`, `&nbsp;`, `&quot;`) and the CLI. One pass, no backtracking regex.
 */

export type TokenKind = 'word' | 'quoted' | 'slackUser' | 'mailto' | 'teamsAt' | 'slackOther';

export interface Token {
  kind: TokenKind;
  /** As the person saw it: entities decoded, formatting tags dropped (Slack/Teams escapes kept). */
  raw: string;
  /**
   * word: the text without its quotes; quoted: the inner text; slackUser: the user id;
   * mailto: the address; teamsAt: the inner name, decoded; slackOther: the raw escape.
   */
  value: string;
  /** slackUser / mailto: the label after `|`; teamsAt: the `<at>…</at>` source for entity matching. */
  extra?: string;
  /** word: index in `value` of the first `:` typed before any quote, else -1. */
  colon: number;
  /** No separator between this token and the previous one (`guest:<@U1>`). */
  glued: boolean;
}

interface Scan {
  text: string;
  i: number;
  /** Source length of the character `peekChar` returned last. */
  len: number;
  /** The quote character that closed the last quoted text. */
  closer: string;
}

const angleForms: Array<{ kind: TokenKind | 'inline' | 'block'; pattern: RegExp }> = [
  { kind: 'slackUser', pattern: /<@([^<>|\s]{1,60})(?:\|([^<>]{0,200}))?>/y },
  { kind: 'mailto', pattern: /<mailto:([^<>|]{1,400})(?:\|([^<>]{0,400}))?>/iy },
  { kind: 'teamsAt', pattern: /<at(?:\s[^<>]{0,200})?>([^<]{0,300})<\/at>/iy },
  { kind: 'slackOther', pattern: /<(?:[#!][^<>]{0,300}|(?:https?|ftp|tel):[^<>]{0,2000})>/iy },
  {
    kind: 'block',
    pattern: /<\/?(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|hr)(?:\s[^<>]{0,500})?\/?>/iy,
  },
  { kind: 'inline', pattern: /<\/?[a-z][a-z0-9]{0,15}(?:\s[^<>]{0,500})?\/?>/iy },
];

let lastMatch: RegExpExecArray | null = null;

/** Which angle form starts at `s.i` (setting `s.len` to its length), or undefined for a plain `<`. */
function matchAngle(s: Scan): TokenKind | 'inline' | 'block' | undefined {
  for (const form of angleForms) {
    form.pattern.lastIndex = s.i;
    const match = form.pattern.exec(s.text);
    if (match) {
      lastMatch = match;
      s.len = match[0].length;
      return form.kind;
    }
  }
  return undefined;
}

function peekChar(s: Scan): string {
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
function endOfPlainRun(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 60 || c === 38 || c === 34 || c === 39 || c === 44 || c === 59) break;
  }
  return i;
}

/** Whitespace, and the commas and semicolons people put between names. */
function isSeparator(ch: string): boolean {
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

function isIgnorable(ch: string): boolean {
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
function closesHere(s: Scan, closers: string, ch: string): boolean {
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

/** Text inside quotes: escapes become what they show, formatting tags are dropped. */
function readQuoted(s: Scan, closers: string): string | undefined {
  let inner = '';
  while (s.i < s.text.length) {
    if (s.text.charCodeAt(s.i) === 60) {
      const kind = matchAngle(s);
      if (kind !== undefined) {
        inner += angleAsText(kind);
        s.i += s.len;
        continue;
      }
    }
    const plainEnd = endOfPlainRun(s.text, s.i);
    if (plainEnd > s.i) {
      inner += s.text.slice(s.i, plainEnd);
      s.i = plainEnd;
      continue;
    }
    const ch = peekChar(s);
    if (closesHere(s, closers, ch)) {
      s.closer = ch;
      s.i += s.len;
      return inner;
    }
    if (!isIgnorable(ch)) inner += ch;
    s.i += s.len;
  }
  return undefined;
}

function angleAsText(kind: TokenKind | 'inline' | 'block'): string {
  const m = lastMatch!;
  switch (kind) {
    case 'slackUser':
      return m[2] ? `@${m[2]}` : m[0];
    case 'mailto':
      return m[2] || m[1];
    case 'teamsAt':
      return decodeAll(m[1]);
    case 'block':
      return ' ';
    case 'inline':
      return '';
    default:
      return m[0];
  }
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

function angleToken(kind: TokenKind, raw: string, glued: boolean): Token {
  const m = lastMatch!;
  switch (kind) {
    case 'slackUser':
    case 'mailto':
      return { kind, raw, value: m[1], extra: m[2], colon: -1, glued };
    case 'teamsAt':
      return { kind, raw, value: decodeAll(m[1]).trim(), extra: m[0], colon: -1, glued };
    default:
      return { kind: 'slackOther', raw, value: raw, colon: -1, glued };
  }
}

function unbalanced(from: string): Result<Token[]> {
  const shown = from.length > 40 ? `${from.slice(0, 40)}…` : from;
  return {
    ok: false,
    error: {
      message: `The quote that starts at ${shown} is never closed. Close it with a matching quote.`,
      token: shown,
    },
  };
}

/** Splits `/meet` text into tokens; the only error is an unbalanced quote. */
export function tokenize(text: string): Result<Token[]> {
  const s: Scan = { text, i: 0, len: 1, closer: '' };
  const tokens: Token[] = [];
  /** Nothing separates the next token from the previous one. */
  let glued = false;
  let inWord = false;
  let wordGlued = false;
  let value = '';
  let raw = '';
  let colon = -1;
  const endWord = (): void => {
    if (inWord) tokens.push({ kind: 'word', raw, value, colon, glued: wordGlued });
    inWord = false;
    value = '';
    raw = '';
    colon = -1;
  };
  while (s.i < text.length) {
    if (text.charCodeAt(s.i) === 60) {
      const kind = matchAngle(s);
      if (kind === 'inline') {
        s.i += s.len;
        continue;
      }
      if (kind !== undefined) {
        endWord();
        if (kind === 'block') {
          glued = false;
        } else {
          tokens.push(angleToken(kind, text.slice(s.i, s.i + s.len), glued));
          glued = true;
        }
        s.i += s.len;
        continue;
      }
    }
    const plainEnd = endOfPlainRun(text, s.i);
    if (plainEnd > s.i) {
      // The common case, ASCII letters and digits: copy the run at once.
      const run = text.slice(s.i, plainEnd);
      if (!inWord) {
        inWord = true;
        wordGlued = glued;
      }
      if (colon < 0) {
        const at = run.indexOf(':');
        if (at >= 0) colon = value.length + at;
      }
      value += run;
      raw += run;
      glued = true;
      s.i = plainEnd;
      continue;
    }
    const ch = peekChar(s);
    if (isSeparator(ch)) {
      endWord();
      glued = false;
      s.i += s.len;
      continue;
    }
    if (isIgnorable(ch)) {
      s.i += s.len;
      continue;
    }
    const closers = quoteClosers(ch);
    const last = value[value.length - 1];
    if (closers !== undefined && (!inWord || last === ':' || last === '=')) {
      const start = s.i;
      s.i += s.len;
      const inner = readQuoted(s, closers);
      if (inner === undefined) return unbalanced(raw + decodeAll(text.slice(start)));
      const quotedRaw = `${raw}${ch}${inner}${s.closer}`;
      if (inWord) tokens.push({ kind: 'word', raw: quotedRaw, value: value + inner, colon, glued: wordGlued });
      else tokens.push({ kind: 'quoted', raw: quotedRaw, value: inner, colon: -1, glued });
      inWord = false;
      value = '';
      raw = '';
      colon = -1;
      glued = true;
      continue;
    }
    if (!inWord) {
      inWord = true;
      wordGlued = glued;
    }
    if (ch === ':' && colon < 0) colon = value.length;
    value += ch;
    raw += ch;
    glued = true;
    s.i += s.len;
  }
  endWord();
  return { ok: true, value: tokens };
}
