/**
 * "Add to calendar" links for a Meet for later: Google Calendar's and Outlook's new-event pages,
 * pre-filled with the title, the start and end (UTC, so every reader's calendar shows them in its
 * own zone) and the join link. Only the public part goes in: never a passcode, never the people.
 */

export interface CalendarEvent {
  title: string;
  startsAt: Date;
  endsAt: Date;
  joinUrl: string;
}

export interface CalendarLinks {
  google: string;
  outlook: string;
}

/** Links stay under this length (older browsers and Outlook cut longer ones; Slack allows 3000). */
export const calendarLinkMaxChars = 2000;

const googleBase = 'https://calendar.google.com/calendar/render';
const outlookBase = 'https://outlook.office.com/calendar/0/deeplink/compose';

/** `20261204T140000Z`: Google's compact UTC form. */
function googleTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `2026-12-04T14:00:00Z`: the ISO form Outlook reads. */
function outlookTime(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Percent-encoding of every character but the unreserved ones: spaces as `%20` (Outlook shows a
 * `+` as it is), `&`, `#`, `+`, quotes encoded. A lone surrogate (no character at all) becomes
 * U+FFFD first: encodeURIComponent throws on it.
 */
function encode(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  ).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function query(pairs: Array<[string, string]>): string {
  return pairs.map(([key, value]) => `${key}=${encode(value)}`).join('&');
}

function build(event: CalendarEvent, title: string): CalendarLinks {
  const details = `Join the Meet: ${event.joinUrl}`;
  const google = `${googleBase}?${query([
    ['action', 'TEMPLATE'],
    ['text', title],
    ['dates', `${googleTime(event.startsAt)}/${googleTime(event.endsAt)}`],
    ['details', details],
    ['location', event.joinUrl],
  ])}`;
  const outlook = `${outlookBase}?${query([
    ['path', '/calendar/action/compose'],
    ['rru', 'addevent'],
    ['subject', title],
    ['startdt', outlookTime(event.startsAt)],
    ['enddt', outlookTime(event.endsAt)],
    ['body', details],
    ['location', event.joinUrl],
  ])}`;
  return { google, outlook };
}

/** Both links; a title too long for a link is cut (with `…`) so each stays under calendarLinkMaxChars. */
export function calendarLinks(event: CalendarEvent): CalendarLinks {
  let chars = Array.from(event.title);
  let links = build(event, event.title);
  while (Math.max(links.google.length, links.outlook.length) > calendarLinkMaxChars && chars.length > 0) {
    const over = Math.max(links.google.length, links.outlook.length) - calendarLinkMaxChars;
    // An encoded character takes up to 12 characters: cut at least what is over, in characters.
    chars = chars.slice(0, Math.max(0, chars.length - Math.max(1, Math.ceil(over / 12))));
    links = build(event, `${chars.join('')}…`);
  }
  return links;
}
