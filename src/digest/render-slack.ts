import {
  dayBar,
  digestFacts,
  digestHeadline,
  digestSubtitle,
  digestTitle,
  feedbackLine,
  formatDay,
  truncate,
  weekSparkline,
} from './facts';
import { type DigestModel, formatMinutes } from './summarize';

/**
 * The digest as Slack Block Kit. Within Slack's limits: header ≤ 150 characters, section text
 * ≤ 3000, ≤ 10 fields, far fewer than 50 blocks. Text typed by users (Meet titles, feedback
 * comments) only ever goes into `plain_text` objects, where Slack renders no mentions, links or
 * formatting, so a title like `<!channel>` or `*bold*` shows as typed.
 */

export interface SlackDigestMessage {
  /** Notification and fallback text. */
  text: string;
  blocks: unknown[];
}

type TextObject = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string };

const plain = (text: string): TextObject => ({ type: 'plain_text', text, emoji: false });
const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text });

/** For our own text in mrkdwn (a tenant code, a zone name): &, < and > are Slack's control characters. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderDigestSlack(model: DigestModel): SlackDigestMessage {
  const blocks: unknown[] = [
    { type: 'header', text: plain(truncate(digestTitle(model), 150)) },
    { type: 'context', elements: [plain(truncate(digestSubtitle(model), 2000))] },
  ];

  if (model.usage.meetCount === 0) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`No Meets this week (${model.change.meetCount.previous} the week before).`),
    });
  } else {
    blocks.push({
      type: 'section',
      fields: digestFacts(model).map((f) => mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)),
    });
    const max = Math.max(...model.days.map((d) => d.meetCount));
    const rows = model.days.map((d) => `${d.label} ${dayBar(d.meetCount, max, 12).padEnd(12)} ${d.meetCount}`);
    blocks.push({
      type: 'section',
      text: mrkdwn(`*Meets per day*  \`${weekSparkline(model)}\`\n\`\`\`${rows.join('\n')}\`\`\``),
    });
    if (model.usage.longest.length > 0) {
      // A plain_text section per Meet (titles are typed by users); no Meet code in a channel.
      blocks.push({ type: 'section', text: mrkdwn('*Longest Meets*') });
      for (const [i, m] of model.usage.longest.entries()) {
        const line = `${i + 1}. ${m.title || 'Untitled Meet'} · ${formatMinutes(m.minutes)} · ${formatDay(m.date)}`;
        blocks.push({ type: 'section', text: plain(truncate(line, 300)) });
      }
    }
  }

  blocks.push({ type: 'divider' });
  blocks.push({ type: 'section', text: mrkdwn(`*Feedback*\n${escapeMrkdwn(feedbackLine(model))}`) });
  const lowest = model.feedback.lowest[0];
  if (lowest) {
    blocks.push({
      type: 'context',
      elements: [plain(truncate(`Lowest rated (${lowest.rating}, ${formatDay(lowest.date)}): “${lowest.text}”`, 500))],
    });
  }

  return { text: truncate(digestHeadline(model), 3000), blocks };
}
