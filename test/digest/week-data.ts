import { periodBefore } from '../../src/digest/schedule';
import { feedback, usage } from './fixtures';

/**
 * One hand-made week in Europe/Berlin: Mon 30 Nov – Sun 6 Dec 2026 (23:00Z to 23:00Z), the
 * week before it, and records just outside. Figures computed by hand in summarize.test.ts.
 */
export const berlinPeriod = periodBefore(new Date('2026-12-07T08:00:00Z'), 'Europe/Berlin');

export const weekUsage = [
  // The week before: 2 Meets, 1800 s total, 1200 s billable.
  usage('2026-11-25T10:00:00Z', { totalDurationInSeconds: 1200, billableDurationInSeconds: 900, isFree: true }),
  usage('2026-11-29T22:30:00Z', { totalDurationInSeconds: 600, billableDurationInSeconds: 300, isFree: true }), // Sun 23:30 Berlin
  // The week: 4 Meets.
  usage('2026-11-30T08:00:00Z', {
    code: 'A',
    title: 'Interview: Backend',
    participants: 4,
    totalDurationInSeconds: 3600,
    billableDurationInSeconds: 3000,
  }),
  usage('2026-12-02T09:00:00Z', {
    code: 'B',
    title: 'Quick sync',
    participants: 2,
    totalDurationInSeconds: 600,
    billableDurationInSeconds: 600,
    isFree: true,
  }),
  usage('2026-12-02T15:00:00Z', {
    code: 'C',
    title: 'Demo <!channel> *now*',
    participants: 3,
    totalDurationInSeconds: 2700,
    billableDurationInSeconds: 2400,
    isSubscriptionCovered: false,
  }),
  usage('2026-12-06T22:30:00Z', {
    code: 'D',
    title: 'Late call',
    participants: 2,
    totalDurationInSeconds: 1800,
    billableDurationInSeconds: 1200,
  }), // Sun 23:30 Berlin
  // Mon 7 Dec 00:30 in Berlin: next week.
  usage('2026-12-06T23:30:00Z', { code: 'E', totalDurationInSeconds: 9000, billableDurationInSeconds: 9000 }),
];

export const weekFeedbacks = [
  feedback('2026-12-01T10:00:00Z', 5, 'Great'),
  feedback('2026-12-03T10:00:00Z', 2, 'Audio kept dropping <@U123>'),
  feedback('2026-12-04T10:00:00Z', 4),
  feedback('2026-12-07T00:00:00Z', 1, 'next week'),
];
