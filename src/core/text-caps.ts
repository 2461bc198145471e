/**
 * Text that comes back from the Meet API is the API's to choose: a title or a feedback comment
 * may be any length (a comment of 60,000 spaces once reached the Teams escaper). It is capped
 * here, once, as it enters a reply or a digest, so no renderer or escaper ever sees more. Each
 * cap is defined only here.
 */

/** Meet titles in usage reports, digests and the created-Meet reply (Slack's header shows 150). */
export const meetTitleMaxChars = 200;

/** Feedback comments in feedback reports and digests. */
export const feedbackCommentMaxChars = 500;

/**
 * At most `max` characters (code points, so an emoji is never split), ending in `…` when cut.
 * Reads at most `max` characters of `text`, however long it is.
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (let count = 0; count < max - 1; count++) end += codePointLength(text, end);
  // `max - 1` code points taken: if the one after them is the last, the text fits whole.
  if (end + codePointLength(text, end) >= text.length) return text;
  return `${text.slice(0, end)}…`;
}

function codePointLength(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
