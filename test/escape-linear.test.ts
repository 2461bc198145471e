import { performance } from 'node:perf_hooks';
import { scrubSecrets } from '../src/meet/errors';
import { codeSpan, escapeControl, escapeMrkdwn } from '../src/slack/escape';
import { escapeInline, escapeMarkdown, teamsCommand } from '../src/teams/escape';
import { worstInputs, worstSize } from './fixtures/worst-text';

/**
 * Every escaper, Slack's and Teams' (and the Meet client's scrubber of API error details), on 100 kB of each worst input we know (a feedback comment of
 * 60,000 spaces once blocked the event loop for 2.8 s). The bound is generous on purpose: a linear
 * escaper takes a few milliseconds (`npm run bench -- escape`), a quadratic one seconds. Each
 * output is checked too: undoing the escape gives the input back.
 */

const lookAlikes: Record<string, string> = { '\u2217': '*', '\u02cd': '_', '\u223c': '~', '\u02cb': '`' };
const undoControl = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const undoMrkdwn = (s: string) =>
  undoControl(s.replace(/[\u2217\u02cd\u223c\u02cb]/g, (c) => lookAlikes[c])).replace(/\u2060/g, '');
const undoMarkdown = (s: string) => s.replace(/\u200b/g, '').replace(/\\([\s\S])/g, '$1');
/** What escapeInline does to line breaks, written as plainly as possible. */
const flattenLines = (s: string) => s.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run));

const escapers: Record<string, { escape: (text: string) => string; check: (input: string, output: string) => void }> = {
  'slack escapeControl': {
    escape: escapeControl,
    check: (input, output) => {
      expect(output).not.toMatch(/[<>]/);
      expect(undoControl(output)).toBe(input);
    },
  },
  'slack escapeMrkdwn': {
    escape: escapeMrkdwn,
    check: (input, output) => {
      expect(output).not.toMatch(/[<>*_~`]|@(channel|here|everyone)\b/i);
      expect(undoMrkdwn(output)).toBe(input);
    },
  },
  'slack codeSpan': {
    escape: codeSpan,
    check: (input, output) => {
      expect(output.slice(1, -1)).not.toMatch(/[`<>]/);
      expect(undoMrkdwn(output.slice(1, -1))).toBe(input);
    },
  },
  'teams escapeMarkdown': {
    escape: escapeMarkdown,
    check: (input, output) => {
      expect(output).not.toMatch(/(^|[^\\])[*_`<>[\]~|]/);
      expect(output).not.toMatch(/^[^\S\n\u2028\u2029]*[#+\-=>]/m);
      expect(undoMarkdown(output)).toBe(input.replace(/\r\n?/g, '\n'));
    },
  },
  'teams escapeInline': {
    escape: escapeInline,
    check: (input, output) => {
      expect(output).not.toMatch(/[\r\n]/);
      expect(undoMarkdown(output)).toBe(flattenLines(input));
    },
  },
  'meet scrubSecrets (API error details)': {
    escape: (text) => scrubSecrets(text, ['client-secret-value']),
    check: (input, output) => {
      expect(output.length).toBeLessThanOrEqual(501);
      if (input.startsWith('eyJ')) expect(output).toBe('[redacted]');
    },
  },
  'teams teamsCommand': {
    escape: teamsCommand,
    check: (_input, output) => expect(output).not.toMatch(/(^|[\s"'(|])\/meet\b/),
  },
};

describe.each(Object.entries(escapers))('%s', (_name, { escape: escapeText, check }) => {
  test.each(Object.entries(worstInputs))(`100 kB of %s: well under a second, and correct`, (_input, text) => {
    expect(text).toHaveLength(worstSize);
    const started = performance.now();
    const output = escapeText(text);
    expect(performance.now() - started).toBeLessThan(1000);
    check(text, output);
  });
});

describe('the linear Teams escapers give what the old regexes gave', () => {
  // The definitions before they were made linear: right, but O(n²) on blank runs. Kept here only
  // as the oracle for short random texts.
  const oldMarkdown = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
      .replace(/^(\s*)([#+\-=>])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
      .replace(/:\/\//g, ':\u200b//')
      .replace(/www\./gi, (m) => `${m}\u200b`);
  const oldInline = (text: string) => oldMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '));

  const alphabet = [
    ' ',
    '\n',
    '\r',
    '\t',
    '\u2028',
    '\u00a0',
    '#',
    '-',
    '+',
    '>',
    '1',
    '2',
    '.',
    ')',
    '*',
    '\\',
    'a',
    ':',
    '/',
    'w',
  ];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const samples = Array.from({ length: 3000 }, () =>
    Array.from({ length: Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
  );

  test('escapeMarkdown', () => {
    for (const sample of samples) expect([sample, escapeMarkdown(sample)]).toEqual([sample, oldMarkdown(sample)]);
  });

  test('escapeInline', () => {
    for (const sample of samples) expect([sample, escapeInline(sample)]).toEqual([sample, oldInline(sample)]);
  });
});
