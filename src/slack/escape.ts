/**
 * Text that people typed (titles, descriptions, emails, feedback) must not become markup in
 * Slack's mrkdwn: no `<!channel>`, no `<@U…>` mention, no `<https://…|link>`, no formatting.
 * Slack's own rule is to escape `&`, `<` and `>`; bare `@channel`/`@here`/`@everyone` get a
 * word joiner so no client ever treats them as a broadcast, and formatting characters become
 * look-alikes because mrkdwn has no backslash escape.
 */

const lookAlikes: Record<string, string> = {
  '*': '\u2217', // asterisk operator
  _: '\u02cd', // modifier letter low macron
  '~': '\u223c', // tilde operator
  '`': '\u02cb', // modifier letter grave accent
};

/** Escapes only what Slack parses as control sequences: `&`, `<`, `>`. Safe inside `code`. */
export function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Makes user text inert in mrkdwn: no mentions, broadcasts, links or formatting. */
export function escapeMrkdwn(text: string): string {
  return escapeControl(text)
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1')
    .replace(/[*_~`]/g, (c) => lookAlikes[c] ?? c);
}

/** Inline code with user or API text inside (a Meet code, a passcode): backticks cannot close it early. */
export function codeSpan(text: string): string {
  return `\`${escapeControl(text).replace(/`/g, lookAlikes['`'])}\``;
}

const slackUserId = /^[UW][A-Z0-9]{2,20}$/;

/** `<@U123>` for a real-looking Slack user id; anything else is not trusted as an id. */
export function mentionUser(userId: string | undefined): string | undefined {
  return userId && slackUserId.test(userId) ? `<@${userId}>` : undefined;
}
