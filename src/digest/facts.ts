import { formatDay, formatDayRange, formatDuration, stars } from '../core/formats';
import { type DigestModel, formatChange } from './summarize';

/**
 * The words of a digest that every renderer shares (Slack's in src/slack/digest-blocks.ts, Teams'
 * in src/teams/digest-card.ts, the text preview here), so they all say the same thing. Values here are figures only: text typed by users (titles, comments) is handed
 * to each renderer raw, to be escaped for its own format.
 */

export interface DigestFact {
  label: string;
  value: string;
}

export function digestTitle(model: DigestModel): string {
  return model.tenant ? `Weekly Meet digest · ${model.tenant}` : 'Weekly Meet digest';
}

export function digestSubtitle(model: DigestModel): string {
  return `${formatDayRange(model.period.startDay, model.period.endDay)} (${model.period.timeZone})`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function digestFacts(model: DigestModel): DigestFact[] {
  const { usage, change } = model;
  const facts: DigestFact[] = [
    { label: 'Meets', value: `${usage.meetCount} (${formatChange(change.meetCount)})` },
    {
      label: 'Time',
      value: `${formatDuration(usage.totalMinutes)} total, ${formatDuration(usage.billableMinutes)} billable (${formatChange(change.totalMinutes, formatDuration)})`,
    },
    { label: 'Free Meets', value: String(usage.freeCount) },
    { label: 'Subscription', value: `${usage.coveredCount} covered, ${usage.chargedCount} charged` },
    { label: 'Avg participants', value: usage.averageParticipants.toFixed(1) },
  ];
  if (usage.busiestDay) {
    facts.push({
      label: 'Busiest day',
      value: `${formatDay(usage.busiestDay.date)} (${plural(usage.busiestDay.meetCount, 'Meet')})`,
    });
  }
  return facts;
}

export function feedbackLine(model: DigestModel): string {
  const { feedback } = model;
  if (feedback.count === 0) return 'No feedback this week.';
  const average = feedback.averageRating === undefined ? '' : `, average rating ${feedback.averageRating.toFixed(1)}`;
  return `${plural(feedback.count, 'response')}${average}`;
}

/** A bar of `width` cells at most for the day's share of the busiest day. */
export function dayBar(count: number, max: number, width: number): string {
  if (count <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((count / max) * width)));
}

/** Plain one-line summary: Slack's notification text, Teams' summary. */
export function digestHeadline(model: DigestModel): string {
  const { startDay, endDay } = model.period;
  return `${digestTitle(model)}, ${formatDayRange(startDay, endDay)}: ${plural(model.usage.meetCount, 'Meet')}, ${formatDuration(model.usage.totalMinutes)}`;
}

/** One line: a title or comment with line breaks would break a digest's list. Each platform cuts it to its own limits. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `Lowest rated ★★☆☆☆ · Fri 4 Dec`: the words before the comment, which each renderer escapes itself. */
export function lowestRatedLabel(lowest: DigestModel['feedback']['lowest'][number]): string {
  return `Lowest rated ${stars(lowest.rating)} · ${formatDay(lowest.date)}`;
}

/** `1. Title · 1h 05m · Mon 30 Nov`, the title raw (each renderer escapes it). */
export function longestLine(index: number, meet: DigestModel['usage']['longest'][number]): string {
  return `${index + 1}. ${oneLine(meet.title) || 'Untitled Meet'} · ${formatDuration(meet.minutes)} · ${formatDay(meet.date)}`;
}
