import type { FeedbackRecord } from '../meet/schemas';
import { capText, feedbackCommentMaxChars } from './text-caps';

/** What the creator of a Meet is told about how it was rated: privately, never in the channel. */
export interface MeetFeedback {
  title: string;
  joinUrl: string;
  ratings: Array<{ rating: number; comment?: string }>;
  /** Absent when no rating is a number. */
  average?: number;
  /** Ratings beyond the shown ones. */
  more: number;
}

const maxShown = 10;

/** The ratings of one Meet, best first; comments (text from the Meet API) trimmed and capped. */
export function buildMeetFeedback(meet: { title: string; joinUrl: string }, records: FeedbackRecord[]): MeetFeedback {
  const rated = records.filter((r) => Number.isFinite(r.rating));
  const ratings = rated
    .map((r) => {
      const comment = capText(r.text ?? '', feedbackCommentMaxChars)
        .replace(/\s+/g, ' ')
        .trim();
      return { rating: r.rating, ...(comment ? { comment } : {}) };
    })
    .sort((a, b) => b.rating - a.rating);
  const feedback: MeetFeedback = {
    title: meet.title,
    joinUrl: meet.joinUrl,
    ratings: ratings.slice(0, maxShown),
    more: Math.max(0, ratings.length - maxShown),
  };
  if (rated.length > 0)
    feedback.average = Math.round((rated.reduce((sum, r) => sum + r.rating, 0) / rated.length) * 10) / 10;
  return feedback;
}
