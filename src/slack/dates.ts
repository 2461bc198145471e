import { formatClock, formatInstant, isSameDay } from '../core/formats';

/**
 * Times Slack shows in each reader's own zone (`<!date^…^…|…>`), with the fallback text for
 * clients that cannot, in `fallbackZone` (the organizer's, or DIGEST_TIME_ZONE).
 */

function seconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

/** `10:02`, in each reader's zone. */
export function slackTime(instant: Date, fallbackZone: string): string {
  return `<!date^${seconds(instant)}^{time}|${formatClock(instant, fallbackZone)} ${fallbackZone}>`;
}

/** `Tomorrow 15:00` / `Dec 4 15:00`, in each reader's zone. */
export function slackDateTime(instant: Date, fallbackZone: string): string {
  return `<!date^${seconds(instant)}^{date_short_pretty} {time}|${formatInstant(instant, fallbackZone)} ${fallbackZone}>`;
}

/**
 * `Tomorrow 15:00 – 15:45` (the end's day only when it differs in the organizer's zone), in each
 * reader's zone; the fallback reads `Fri 4 Dec 2026 15:00 Europe/Berlin – 15:45`.
 */
export function slackSpan(start: Date, end: Date, fallbackZone: string): string {
  const until = isSameDay(start, end, fallbackZone)
    ? `<!date^${seconds(end)}^{time}|${formatClock(end, fallbackZone)}>`
    : slackDateTime(end, fallbackZone);
  return `${slackDateTime(start, fallbackZone)} – ${until}`;
}
