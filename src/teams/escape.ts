/**
 * Text that people typed (titles, descriptions, names) goes into TextBlocks, which Teams renders as
 * Markdown and scans for `<at>` mentions and links. A backslash before each mark that can start
 * formatting makes it plain text (CommonMark shows `\*` as `*`); a backslash before `<` stops an
 * `<at>…</at>` from matching a mention entity; a zero-width space after `://` and `www.` stops
 * autolinking.
 *
 * Every pattern here runs in linear time: text from the Meet API (a feedback comment of 60,000
 * spaces) must not stall the event loop. No two quantifiers may compete for the same characters:
 * `^\s*#` with /m rescanned a whole run of blank lines from each of their starts (O(n²)).
 */

/** Blanks of one line: whitespace except the line terminators that /m's `^` stops at. */
const lineBlanks = '[^\\S\\n\\u2028\\u2029]*';
const blockMarker = new RegExp(`^(${lineBlanks})([#+\\-=>])`, 'gm');
const orderedMarker = new RegExp(`^(${lineBlanks}\\d+)([.)])`, 'gm');

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>~|]/g, '\\$&')
    .replace(blockMarker, '$1\\$2')
    .replace(orderedMarker, '$1\\$2')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/www\./gi, '$&\u200b');
}

/**
 * One line, for headings and facts: a newline would start a new Markdown block. Each run of
 * whitespace that holds a line break becomes one space; `\s+` takes a run whole, once.
 */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)));
}

/** In Teams people type the text after `@Meet`, not `/meet`; inline code marks mean nothing in a TextBlock. */
export function teamsCommand(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replace(/(^|[\s"'(|])\/meet\b/g, '$1@Meet');
}
