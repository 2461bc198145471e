import { formatNumber, stars } from '../core/formats';
import type { MeetFeedback } from '../core/meet-feedback';
import { type Block, context, fallbackText, header, linesSections, type SlackMessage } from './block-kit';
import { escapeMrkdwn } from './escape';
import { slackLimits } from './limits';

/** The ratings of a Meet, for its creator alone (a direct message): stars, and the comments escaped. */
export function renderMeetFeedback(feedback: MeetFeedback): SlackMessage {
  const count = feedback.ratings.length + feedback.more;
  const average = feedback.average === undefined ? '' : `  ·  average ${formatNumber(feedback.average)} of 5`;
  const blocks: Block[] = [
    header(`How it went: ${feedback.title}`),
    context([`:lock: *Only you can see this.*  ${count === 1 ? '1 rating' : `${count} ratings`}${average}`]),
  ];
  const lines = feedback.ratings.map((r) => `${stars(r.rating)}${r.comment ? `  “${escapeMrkdwn(r.comment)}”` : ''}`);
  if (feedback.more > 0) lines.push(`…and ${feedback.more} more`);
  blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length));
  return { text: fallbackText(`How it went: ${escapeMrkdwn(feedback.title)} (${count} ratings)`), blocks };
}
