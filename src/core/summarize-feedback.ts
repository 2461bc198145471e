import type { FeedbackRecord } from '../meet/schemas';
import { localDay } from './local-day';
import type { FeedbackSummary } from './reply-model';
import { instantOf, roundToTenth } from './summarize-usage';
import { capText, feedbackCommentMaxChars } from './text-caps';

/**
 * Feedback records → the figures of a feedback reply. The rating scale is not documented
 * (meet-api-notes.md), so this reports an average and a distribution, not an NPS score.
 */
export function summarizeFeedback(records: FeedbackRecord[], opts: { timeZone: string }): FeedbackSummary {
  const counts = new Map<number, number>();
  let sum = 0;
  for (const r of records) {
    sum += r.rating;
    counts.set(r.rating, (counts.get(r.rating) ?? 0) + 1);
  }
  const summary: FeedbackSummary = {
    count: records.length,
    distribution: [...counts.entries()].sort(([a], [b]) => b - a).map(([rating, count]) => ({ rating, count })),
    // Lowest first; among equal ratings the most recent first, as it is the most actionable.
    lowest: records
      .filter((r) => r.text?.trim())
      .sort((a, b) => a.rating - b.rating || instantOf(b.timestamp) - instantOf(a.timestamp))
      .slice(0, 3)
      .map((r) => ({
        rating: r.rating,
        text: capText((r.text ?? '').trim(), feedbackCommentMaxChars),
        date: localDay(r.timestamp, opts.timeZone) ?? '',
      })),
  };
  if (records.length > 0) summary.averageRating = roundToTenth(sum / records.length);
  return summary;
}
