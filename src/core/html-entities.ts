/**
 * The HTML entities Slack (`&amp;`, `&lt;`, `&gt;`) and Teams (`&nbsp;`, `&quot;`, `&#39;`, numeric)
 * put in message text. Decoded one at a time by the tokenizer, so an escaped `&lt;@U1&gt;` stays text.
 */

const named = new Map<string, string>(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
    ldquo: '\u201c',
    rdquo: '\u201d',
    lsquo: '\u2018',
    rsquo: '\u2019',
    hellip: '\u2026',
    ndash: '\u2013',
    mdash: '\u2014',
  }),
);

const entityPattern = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/y;

/** The length of a known entity starting at `at` (which holds `&`), or 0. */
export function entityLength(text: string, at: number): number {
  entityPattern.lastIndex = at;
  const match = entityPattern.exec(text);
  if (!match) return 0;
  return decodeEntity(text, at, match[0].length) === '' ? 0 : match[0].length;
}

/** The character of the entity `text.slice(at, at + length)`, or '' when it is not one we know. */
export function decodeEntity(text: string, at: number, length: number): string {
  const body = text.slice(at + 1, at + length - 1);
  if (body.charCodeAt(0) !== 35) return named.get(body.toLowerCase()) ?? '';
  const hex = body[1] === 'x' || body[1] === 'X';
  const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
  return String.fromCodePoint(code);
}
