import { formatDay, formatDuration, formatNumber, stars } from '../core/formats';
import { rangeWords } from '../core/ranges';
import type { ConfigSummary, HelpEntry, Reply } from '../core/reply-model';
import {
  type Block,
  context,
  fallbackText,
  fieldsSection,
  header,
  linesSections,
  mrkdwnSection,
  plainSection,
  type SlackMessage,
} from './block-kit';
import { codeSpan, escapeControl, escapeMrkdwn } from './escape';
import { slackLimits } from './limits';

/** Block Kit for the read-only replies: usage, feedback, configs, help. */

type UsageReply = Extract<Reply, { kind: 'usage' }>;
type FeedbackReply = Extract<Reply, { kind: 'feedback' }>;

/** Under the header, which names the range: the days (unless the name is them), zone and tenant. */
function rangeLine(reply: UsageReply | FeedbackReply): string {
  const { days, timeZone } = rangeWords(reply.range);
  const parts = [...(days === undefined ? [] : [days]), escapeMrkdwn(timeZone)];
  if (reply.tenant) parts.push(`tenant ${escapeMrkdwn(reply.tenant)}`);
  return parts.join('  ·  ');
}

export function renderUsage(reply: UsageReply): SlackMessage {
  const s = reply.summary;
  const blocks: Block[] = [header(`Usage: ${rangeWords(reply.range).name}`), context([rangeLine(reply)])];
  if (s.meetCount === 0) {
    blocks.push(mrkdwnSection(`No Meets in this period. Try a longer one, e.g. ${codeSpan('/meet usage 30d')}.`));
  } else {
    const fields = [
      `*Meets*\n${formatNumber(s.meetCount)}`,
      `*Average participants*\n${formatNumber(s.averageParticipants)}`,
      `*Total time*\n${formatDuration(s.totalMinutes)}`,
      `*Billable time*\n${formatDuration(s.billableMinutes)}`,
      `*Free Meets*\n${formatNumber(s.freeCount)}`,
      `*Subscription*\n${formatNumber(s.coveredCount)} covered, ${formatNumber(s.chargedCount)} charged`,
    ];
    if (s.busiestDay)
      fields.push(`*Busiest day*\n${formatDay(s.busiestDay.date)} (${formatNumber(s.busiestDay.meetCount)} Meets)`);
    blocks.push(fieldsSection(fields));
    if (s.longest.length > 0) {
      const lines = s.longest.map(
        (m, i) =>
          `${i + 1}. ${escapeMrkdwn(m.title || 'Untitled Meet')}  ·  ${formatDuration(m.minutes)}  ·  ${formatDay(m.date)}`,
      );
      blocks.push(mrkdwnSection(`*Longest Meets*\n${lines.join('\n')}`));
    }
  }
  return { text: fallbackText(`Usage ${escapeMrkdwn(rangeWords(reply.range).name)}: ${s.meetCount} Meets`), blocks };
}

export function renderFeedback(reply: FeedbackReply): SlackMessage {
  const s = reply.summary;
  const blocks: Block[] = [header(`Feedback: ${rangeWords(reply.range).name}`), context([rangeLine(reply)])];
  if (s.count === 0) {
    blocks.push(mrkdwnSection(`No feedback in this period. Try a longer one, e.g. ${codeSpan('/meet feedback 30d')}.`));
  } else {
    const fields = [`*Responses*\n${formatNumber(s.count)}`];
    if (s.averageRating !== undefined) fields.push(`*Average rating*\n${formatNumber(s.averageRating)} of 5`);
    blocks.push(fieldsSection(fields));
    const spread = s.distribution.map((d) => `${stars(d.rating)}  ${formatNumber(d.count)}`).join('\n');
    if (spread) blocks.push(mrkdwnSection(`*Ratings*\n${spread}`));
    if (s.lowest.length > 0) {
      const lines = s.lowest.map((f) => `${stars(f.rating)}  ${formatDay(f.date)}\n“${escapeMrkdwn(f.text)}”`);
      blocks.push(mrkdwnSection(`*Lowest rated, with comments*\n${lines.join('\n')}`));
    }
  }
  return { text: fallbackText(`Feedback ${escapeMrkdwn(rangeWords(reply.range).name)}: ${s.count} responses`), blocks };
}

export function renderConfigs(configs: ConfigSummary[], example?: string): SlackMessage {
  const blocks: Block[] = [header('Addon configurations')];
  if (configs.length === 0) {
    blocks.push(plainSection("There are no addon configurations yet: Meets get Meet's default addons."));
  } else {
    const lines = configs.map((c) => {
      const name = `*${escapeMrkdwn(c.name)}*${c.isDefault ? '  ·  default' : ''}`;
      const description = c.description ? `\n${escapeMrkdwn(c.description)}` : '';
      const addons = c.addons.length > 0 ? escapeMrkdwn(c.addons.join(', ')) : 'no addons';
      return `${name}${description}\n${addons}  ·  id ${codeSpan(c.id)}\n`;
    });
    blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length - 1));
    if (example)
      blocks.push(context([`Pick one when you create a Meet: ${codeSpan(`/meet meeting @alice ${example}`)}`]));
  }
  return { text: fallbackText(`${configs.length} addon configurations`), blocks };
}

export function renderHelp(intro: string, entries: HelpEntry[]): SlackMessage {
  const blocks: Block[] = [header('How to use /meet'), mrkdwnSection(escapeControl(intro)), { type: 'divider' }];
  const lines = entries.map((e) => {
    const example = e.example ? `\nExample: ${codeSpan(e.example)}` : '';
    return `${codeSpan(e.usage)}\n${escapeMrkdwn(e.description)}${example}\n`;
  });
  blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length));
  return { text: fallbackText('How to use /meet'), blocks };
}
