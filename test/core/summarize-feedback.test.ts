import { summarizeFeedback } from '../../src/core/summarize-feedback';
import type { FeedbackRecord } from '../../src/meet/schemas';

const fb = (rating: number, timestamp: string, text?: string | null): FeedbackRecord => ({ rating, timestamp, text });

const records: FeedbackRecord[] = [
  fb(5, '2026-03-02T10:00:00Z', 'Great'),
  fb(2, '2026-03-02T11:00:00Z', 'Audio dropped twice'),
  fb(4, '2026-03-03T09:00:00Z', null),
  fb(1, '2026-03-03T23:30:00Z', '  Could not join  '),
  fb(2, '2026-03-04T08:00:00Z', '   '),
  fb(2, '2026-03-05T08:00:00Z', 'Whiteboard lagged'),
  fb(5, '2026-03-06T08:00:00Z'),
];
// sum 5+2+4+1+2+2+5 = 21 / 7 = 3

describe('summarizeFeedback', () => {
  test('figures worked out by hand', () => {
    expect(summarizeFeedback(records, { timeZone: 'Europe/Berlin' })).toEqual({
      count: 7,
      averageRating: 3,
      distribution: [
        { rating: 5, count: 2 },
        { rating: 4, count: 1 },
        { rating: 2, count: 3 },
        { rating: 1, count: 1 },
      ],
      lowest: [
        // 23:30 UTC on 3 March is 4 March in Berlin.
        { rating: 1, text: 'Could not join', date: '2026-03-04' },
        // Two 2s with text: the most recent first; the blank one does not count.
        { rating: 2, text: 'Whiteboard lagged', date: '2026-03-05' },
        { rating: 2, text: 'Audio dropped twice', date: '2026-03-02' },
      ],
    });
  });

  test('the average is rounded to one decimal', () => {
    expect(
      summarizeFeedback([fb(5, '2026-03-02T10:00:00Z'), fb(4, 'x'), fb(4, 'y')], { timeZone: 'UTC' }).averageRating,
    ).toBe(4.3);
  });

  test('no feedback: count 0, no average', () => {
    expect(summarizeFeedback([], { timeZone: 'UTC' })).toEqual({ count: 0, distribution: [], lowest: [] });
  });
});
