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

function rangeLine(reply: UsageReply | FeedbackReply): string {
  const r = reply.range;
  const tenant = reply.tenant ? ` · tenant ${escapeMrkdwn(reply.tenant)}` : '';
  return `${escapeMrkdwn(r.label)}: ${r.startDay} to ${r.endDay} (${escapeMrkdwn(r.timeZone)})${tenant}`;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function renderUsage(reply: UsageReply): SlackMessage {
  const s = reply.summary;
  const blocks: Block[] = [header(`Usage: ${reply.range.label}`), context([rangeLine(reply)])];
  if (s.meetCount === 0) {
    blocks.push(plainSection('No Meets in this period.'));
  } else {
    const fields = [
      `*Meets*\n${s.meetCount}`,
      `*Total minutes*\n${round(s.totalMinutes)}`,
      `*Billable minutes*\n${round(s.billableMinutes)}`,
      `*Free / covered / charged*\n${s.freeCount} / ${s.coveredCount} / ${s.chargedCount}`,
      `*Average participants*\n${round(s.averageParticipants)}`,
    ];
    if (s.busiestDay) fields.push(`*Busiest day*\n${s.busiestDay.date} (${s.busiestDay.meetCount})`);
    blocks.push(fieldsSection(fields));
    if (s.longest.length > 0) {
      const lines = s.longest.map(
        (m) => `${m.date} ${codeSpan(m.code)} ${escapeMrkdwn(m.title || '(untitled)')}: ${round(m.minutes)} min`,
      );
      blocks.push(mrkdwnSection(`*Longest*\n${lines.join('\n')}`));
    }
  }
  return { text: fallbackText(`Usage ${escapeMrkdwn(reply.range.label)}: ${s.meetCount} Meets`), blocks };
}

export function renderFeedback(reply: FeedbackReply): SlackMessage {
  const s = reply.summary;
  const blocks: Block[] = [header(`Feedback: ${reply.range.label}`), context([rangeLine(reply)])];
  if (s.count === 0) {
    blocks.push(plainSection('No feedback in this period.'));
  } else {
    const fields = [`*Responses*\n${s.count}`];
    if (s.averageRating !== undefined) fields.push(`*Average rating*\n${round(s.averageRating)}`);
    const spread = s.distribution.map((d) => `${d.rating}: ${d.count}`).join('\n');
    if (spread) fields.push(`*Ratings*\n${spread}`);
    blocks.push(fieldsSection(fields));
    if (s.lowest.length > 0) {
      const lines = s.lowest.map((f) => `${f.date} · ${f.rating}: ${escapeMrkdwn(f.text)}`);
      blocks.push(mrkdwnSection(`*Lowest rated, with comments*\n${lines.join('\n')}`));
    }
  }
  return { text: fallbackText(`Feedback ${escapeMrkdwn(reply.range.label)}: ${s.count} responses`), blocks };
}

export function renderConfigs(configs: ConfigSummary[]): SlackMessage {
  const blocks: Block[] = [header('Addon configurations')];
  if (configs.length === 0) {
    blocks.push(plainSection('There are no addon configurations yet.'));
  } else {
    const lines = configs.map((c) => {
      const name = `*${escapeMrkdwn(c.name)}*${c.isDefault ? ' (default)' : ''} ${codeSpan(c.id)}`;
      const addons = c.addons.length > 0 ? `\n${escapeMrkdwn(c.addons.join(', '))}` : '';
      const description = c.description ? `\n${escapeMrkdwn(c.description)}` : '';
      return `${name}${description}${addons}`;
    });
    blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length - 1));
    blocks.push(context([`Use one with ${codeSpan('/meet config:NAME')}.`]));
  }
  return { text: fallbackText(`${configs.length} addon configurations`), blocks };
}

export function renderHelp(intro: string, entries: HelpEntry[]): SlackMessage {
  const blocks: Block[] = [header('/meet'), mrkdwnSection(escapeControl(intro))];
  const lines = entries.map((e) => {
    const example = e.example ? `\nExample: ${codeSpan(e.example)}` : '';
    return `${codeSpan(e.usage)}\n${escapeMrkdwn(e.description)}${example}`;
  });
  blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length));
  return { text: fallbackText('How to use /meet'), blocks };
}
