import type { FeedbackSummary, UsageSummary } from '../core/reply-model';
import { summarizeFeedback } from '../core/summarize-feedback';
import { summarizeUsage } from '../core/summarize-usage';
import type { FeedbackRecord, UsageRecord } from '../meet/schemas';
import { type DigestPeriod, dayIn, daysOf } from './schedule';

/**
 * The weekly digest as one platform-neutral model (pure). Builds on core's usage and feedback
 * summaries and adds what a week needs: Meets per day, the change against the week before and
 * the feedback lowlights. Slack (src/slack/digest-blocks.ts), Teams (src/teams/digest-card.ts)
 * and the text preview (render-text.ts) all render this one model.
 */

export interface DigestDay {
  /** `YYYY-MM-DD` in the period's zone. */
  date: string;
  /** `Mon`…`Sun`. */
  label: string;
  meetCount: number;
  minutes: number;
}

/** `percent` is absent when the week before had nothing to compare with. */
export interface DigestChange {
  previous: number;
  delta: number;
  percent?: number;
}

export interface DigestModel {
  tenant?: string;
  period: { startDay: string; endDay: string; timeZone: string };
  usage: UsageSummary;
  feedback: FeedbackSummary;
  /** Monday first, always 7. */
  days: DigestDay[];
  change: { meetCount: DigestChange; totalMinutes: DigestChange; billableMinutes: DigestChange };
}

export interface DigestInput {
  period: DigestPeriod;
  tenant?: string;
  /** Usage of the period and of the week before it (one request covers both). */
  usage: UsageRecord[];
  /** Feedback of the period (records outside it are ignored). */
  feedbacks: FeedbackRecord[];
}

const dayLabels = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function within(iso: string, from: Date, to: Date): boolean {
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= from.getTime() && t < to.getTime();
}

function changeOf(current: number, previous: number): DigestChange {
  const delta = current - previous;
  return previous > 0 ? { previous, delta, percent: Math.round((delta / previous) * 100) } : { previous, delta };
}

export function summarizeDigest(input: DigestInput): DigestModel {
  const { period } = input;
  const zone = period.timeZone;
  // The API's `from`/`to` semantics are undocumented (inclusive end?), so records are placed
  // in a week by their own `createdAt`, never by which request returned them.
  const current = input.usage.filter((r) => within(r.createdAt, period.start, period.end));
  const previous = input.usage.filter((r) => within(r.createdAt, period.previousStart, period.start));
  const feedbacks = input.feedbacks.filter((f) => within(f.timestamp, period.start, period.end));

  const usage = summarizeUsage(current, { timeZone: zone });
  const before = summarizeUsage(previous, { timeZone: zone });
  const feedback = summarizeFeedback(feedbacks, { timeZone: zone });

  const perDay = new Map<string, { meetCount: number; seconds: number }>();
  for (const record of current) {
    const day = dayIn(new Date(record.createdAt), zone);
    const entry = perDay.get(day) ?? { meetCount: 0, seconds: 0 };
    entry.meetCount += 1;
    entry.seconds += record.totalDurationInSeconds;
    perDay.set(day, entry);
  }
  const days = daysOf(period).map((date, i) => {
    const entry = perDay.get(date);
    return {
      date,
      label: dayLabels[i],
      meetCount: entry?.meetCount ?? 0,
      minutes: Math.round((entry?.seconds ?? 0) / 60),
    };
  });

  return {
    tenant: input.tenant,
    period: { startDay: period.startDay, endDay: period.endDay, timeZone: zone },
    usage,
    feedback,
    days,
    change: {
      meetCount: changeOf(usage.meetCount, before.meetCount),
      totalMinutes: changeOf(usage.totalMinutes, before.totalMinutes),
      billableMinutes: changeOf(usage.billableMinutes, before.billableMinutes),
    },
  };
}

/** `+3 (+25%)`, `-2 (-10%)`, `±0`, `+4 (new)`. */
/** The comparison with the week before, e.g. `week before: 2, +100%`, with `format` for the figure. */
export function formatChange(change: DigestChange, format: (n: number) => string = String): string {
  if (change.delta === 0) return 'same as the week before';
  const percent = change.percent === undefined ? '' : `, ${change.percent > 0 ? '+' : '−'}${Math.abs(change.percent)}%`;
  return `week before: ${format(change.previous)}${percent}`;
}
