/**
 * Text that people typed (titles, descriptions, names) goes into TextBlocks, which Teams renders as
 * Markdown and scans for `<at>` mentions and links. A backslash before each mark that can start
 * formatting makes it plain text (CommonMark shows `\*` as `*`); a backslash before `<` stops an
 * `<at>…</at>` from matching a mention entity; a zero-width space after `://` and `www.` stops
 * autolinking.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/www\./gi, (m) => `${m}\u200b`);
}

/** One line, for headings and facts: a newline would start a new Markdown block. */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** In Teams people type the text after `@Meet`, not `/meet`; inline code marks mean nothing in a TextBlock. */
export function teamsCommand(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replace(/(^|[\s"'(|])\/meet\b/g, '$1@Meet');
}
