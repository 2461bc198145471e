import type { Result } from './errors';
import {
  closesHere,
  decodeAll,
  endOfPlainRun,
  isIgnorable,
  isSeparator,
  peekChar,
  quoteClosers,
  type Scan,
} from './scan-text';

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
