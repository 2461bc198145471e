import type { Config } from '../config';
import { createExpiringSet, type ExpiringSet } from './expiring-set';
import { createLiteralIndex, minLiteralLength } from './literal-index';
import { redactJsonLine } from './redact-json-line';
import { findSecretShapes } from './secret-patterns';

/**
 * One scrubber for every log line, from every library, at every level (pino's key-based
 * redaction never sees the strings Bolt, the Slack WebClient or botbuilder log). It blanks:
 *  - the literal values registered with `add`: the configured secrets (at start), every access
 *    token the process obtains (as it obtains it) and every passcode it generates or is given
 *    (as it goes to the Meet API), in the forms a log line holds them: JSON-escaped once or
 *    twice (a library's JSON inside our JSON), HTML-escaped as Slack text has them, URL-encoded;
 *  - anything shaped like a secret (secret-patterns.ts), registered or not.
 * Memory stays flat: tokens and passcodes are kept for a day at most, and only so many of each
 * (the oldest go first). Time is linear in the line, whatever the number of secrets.
 */

export type SecretKind = 'configured' | 'token' | 'passcode';

export interface Scrubber {
  /** Blanks `value` in every line from now on; empty, undefined and values under 4 characters are ignored. */
  add(value: string | undefined | null, kind: SecretKind): void;
  /** One JSON log line with every secret blanked; `from` is where it may start looking (after pino's time). */
  scrub(line: string, from?: number): string;
  /** How many values are held, per kind. */
  counts(): Record<SecretKind, number>;
}

export interface ScrubberOptions {
  /** Epoch ms; default Date.now. */
  now?: () => number;
  limits?: Partial<Record<SecretKind, { max: number; ttlMs: number }>>;
}

const day = 24 * 60 * 60 * 1000;

export const defaultLimits: Record<SecretKind, { max: number; ttlMs: number }> = {
  configured: { max: 100, ttlMs: Number.POSITIVE_INFINITY },
  // A workspace's bot token is registered again each time it is read (every request it serves).
  token: { max: 1_000, ttlMs: day },
  // A passcode is logged, if ever, around the creation of its Meet.
  passcode: { max: 10_000, ttlMs: day },
};

/** Values this short are matched only as whole words: inside longer words they are likely chance. */
const wholeWordBelow = 8;

const PLAIN = /^[A-Za-z0-9._-]*$/;

/** The forms a value takes in a JSON log line. The raw value itself when it needs no escaping. */
export function loggedForms(value: string): string[] {
  // Letters, digits, `.`, `_` and `-` need escaping in none of them (passcodes, most tokens).
  if (PLAIN.test(value)) return [value];
  const forms = new Set<string>();
  const slackText = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const text of [value, slackText]) {
    const once = JSON.stringify(text).slice(1, -1);
    forms.add(once);
    forms.add(JSON.stringify(once).slice(1, -1));
  }
  try {
    forms.add(encodeURIComponent(value));
  } catch {
    // A lone surrogate cannot be URL-encoded (URIError): no library can have logged it so.
  }
  forms.add(new URLSearchParams({ v: value }).toString().slice(2));
  return [...forms];
}

export function createScrubber(options: ScrubberOptions = {}): Scrubber {
  const now = options.now ?? Date.now;
  const limits = { ...defaultLimits, ...options.limits };
  const index = createLiteralIndex();
  // Per kind, the values held, oldest first.
  const held: Record<SecretKind, ExpiringSet> = {
    configured: createExpiringSet(limits.configured.max, limits.configured.ttlMs),
    token: createExpiringSet(limits.token.max, limits.token.ttlMs),
    passcode: createExpiringSet(limits.passcode.max, limits.passcode.ttlMs),
  };
  // A value held under two kinds (a configured bot token also read from an installation) is in
  // the index twice: the index counts, and matches it until it is removed as often as added.
  function retain(value: string) {
    const wholeWord = value.length < wholeWordBelow;
    for (const form of loggedForms(value)) index.add(form, wholeWord);
  }

  function release(value: string) {
    const wholeWord = value.length < wholeWordBelow;
    for (const form of loggedForms(value)) index.remove(form, wholeWord);
  }

  return {
    add(value, kind) {
      if (!value || value.length < minLiteralLength) return;
      const at = now();
      if (held[kind].add(value, at)) retain(value);
      held[kind].evict(at, release);
    },

    scrub(line, from = 0) {
      const ranges: Array<[number, number]> = [];
      const found = (start: number, end: number) => {
        ranges.push([start, end]);
      };
      index.find(line, from, found);
      findSecretShapes(line, from, found);
      return ranges.length === 0 ? line : redactJsonLine(line, from, ranges);
    },

    counts: () => ({ configured: held.configured.size(), token: held.token.size(), passcode: held.passcode.size() }),
  };
}

/**
 * The process's scrubber. Secrets are a concern of the whole process: any logger (the server's,
 * Bolt's child, the CLI's) must blank every secret the process holds, whichever part obtained
 * it. So this one registry is shared rather than passed along: a constructor that forgot to pass
 * it on would leak silently. `createLogger` uses it unless a test hands in its own.
 */
export const processSecrets: Scrubber = createScrubber();

/** The secrets of the configuration: every value a log line must never show. */
export function rememberConfiguredSecrets(config: Config, scrubber: Scrubber = processSecrets): void {
  const values = [
    config.meet.clientSecret,
    config.slack?.signingSecret,
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.oauth?.clientSecret,
    config.slack?.oauth?.stateSecret,
    config.teams?.mode === 'bot' ? config.teams.appPassword : undefined,
  ];
  for (const value of values) scrubber.add(value, 'configured');
}
