import { formatClock } from '../core/formats';

/**
 * A time Slack shows in each reader's own zone (`<!date^…^{time}|…>`), with the fallback text for
 * clients that cannot, in `fallbackZone`.
 */
export function slackTime(instant: Date, fallbackZone: string): string {
  const seconds = Math.floor(instant.getTime() / 1000);
  return `<!date^${seconds}^{time}|${formatClock(instant, fallbackZone)} ${fallbackZone}>`;
}
