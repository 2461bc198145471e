import {
  dayBar,
  digestFacts,
  digestHeadline,
  digestSubtitle,
  digestTitle,
  feedbackLine,
  longestLine,
  lowestRatedLabel,
  oneLine,
} from '../digest/facts';
import type { DigestModel } from '../digest/summarize';
import {
  type Block,
  fallbackText,
  fieldsSection,
  header,
  mrkdwnSection,
  plainContext,
  plainSection,
  type SlackMessage,
} from './block-kit';
import { escapeMrkdwn } from './escape';

/**
 * The weekly digest as Slack Block Kit, from the platform-neutral model of src/digest. The
 * block-kit helpers keep every text within Slack's limits. Our own words go into mrkdwn, escaped
 * with `escapeMrkdwn`; text typed by users (Meet titles, feedback comments) only ever goes into
 * `plain_text` objects, where Slack renders no mentions, links or formatting, so a title like
 * `<!channel>` or `*bold*` shows as typed.
 */
export function renderDigestBlocks(model: DigestModel): SlackMessage {
  const blocks: Block[] = [header(digestTitle(model)), plainContext([digestSubtitle(model)])];

  if (model.usage.meetCount === 0) {
    blocks.push(mrkdwnSection(`No Meets this week (${model.change.meetCount.previous} the week before).`));
  } else {
    blocks.push(fieldsSection(digestFacts(model).map((f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)));
    const max = Math.max(...model.days.map((d) => d.meetCount));
    const rows = model.days.map((d) => `${d.label} ${dayBar(d.meetCount, max, 12).padEnd(12)} ${d.meetCount}`);
    blocks.push(mrkdwnSection(`*Meets per day*\n\`\`\`${rows.join('\n')}\`\`\``));
    if (model.usage.longest.length > 0) {
      // A plain_text section per Meet (titles are typed by users); no Meet code in a channel.
      blocks.push(mrkdwnSection('*Longest Meets*'));
      for (const [i, m] of model.usage.longest.entries()) {
        blocks.push(plainSection(longestLine(i, m)));
      }
    }
  }

  blocks.push({ type: 'divider' });
  blocks.push(mrkdwnSection(`*Feedback*\n${escapeMrkdwn(feedbackLine(model))}`));
  const lowest = model.feedback.lowest[0];
  if (lowest) {
    blocks.push(plainContext([`${lowestRatedLabel(lowest)}: “${oneLine(lowest.text)}”`]));
  }

  return { text: fallbackText(escapeMrkdwn(digestHeadline(model))), blocks };
}
