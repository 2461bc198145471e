import { type DigestModel, formatChange, formatMinutes, formatPeriod } from './summarize';

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
  return `${formatPeriod(model.period)} (${model.period.timeZone})`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `Wed 2 Dec` from `YYYY-MM-DD`. */
export function formatDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const weekday = d.toLocaleString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${weekday} ${d.getUTCDate()} ${month}`;
}

export function digestFacts(model: DigestModel): DigestFact[] {
  const { usage, change } = model;
  const facts: DigestFact[] = [
    { label: 'Meets', value: `${usage.meetCount} (${formatChange(change.meetCount)})` },
    {
      label: 'Minutes',
      value: `${formatMinutes(usage.totalMinutes)} total, ${formatMinutes(usage.billableMinutes)} billable (${formatChange(change.totalMinutes, formatMinutes)})`,
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
  return `${digestTitle(model)}, ${formatPeriod(model.period)}: ${plural(model.usage.meetCount, 'Meet')}, ${formatMinutes(model.usage.totalMinutes)}`;
}

/** One line: a title or comment with line breaks would break a digest's list. Each platform cuts it to its own limits. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
