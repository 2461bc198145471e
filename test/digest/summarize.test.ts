import { periodBefore } from '../../src/digest/schedule';
import { formatChange, summarizeDigest } from '../../src/digest/summarize';
import { berlinPeriod, weekFeedbacks, weekUsage } from './week-data';

describe('summarizeDigest', () => {
  const model = summarizeDigest({ period: berlinPeriod, usage: weekUsage, feedbacks: weekFeedbacks, tenant: 'ACME01' });

  test('usage figures of the week, by hand', () => {
    expect(model.period).toEqual({ startDay: '2026-11-30', endDay: '2026-12-06', timeZone: 'Europe/Berlin' });
    expect(model.tenant).toBe('ACME01');
    expect(model.usage.meetCount).toBe(4); // A, B, C, D; E is Monday 00:30 local, next week
    expect(model.usage.totalMinutes).toBe(145); // 3600 + 600 + 2700 + 1800 = 8700 s
    expect(model.usage.billableMinutes).toBe(120); // 3000 + 600 + 2400 + 1200 = 7200 s
    expect(model.usage.freeCount).toBe(1); // B
    expect(model.usage.coveredCount).toBe(2); // A, D
    expect(model.usage.chargedCount).toBe(1); // C
    expect(model.usage.averageParticipants).toBe(2.8); // 11 / 4 = 2.75
    expect(model.usage.busiestDay).toEqual({ date: '2026-12-02', meetCount: 2 });
    expect(model.usage.longest.map((m) => [m.code, m.minutes, m.date])).toEqual([
      ['A', 60, '2026-11-30'],
      ['C', 45, '2026-12-02'],
      ['D', 30, '2026-12-06'],
    ]);
  });

  test('Meets per day, Monday first, in the zone', () => {
    expect(model.days.map((d) => [d.label, d.date, d.meetCount, d.minutes])).toEqual([
      ['Mon', '2026-11-30', 1, 60],
      ['Tue', '2026-12-01', 0, 0],
      ['Wed', '2026-12-02', 2, 55],
      ['Thu', '2026-12-03', 0, 0],
      ['Fri', '2026-12-04', 0, 0],
      ['Sat', '2026-12-05', 0, 0],
      ['Sun', '2026-12-06', 1, 30],
    ]);
  });

  test('change against the week before', () => {
    expect(model.change.meetCount).toEqual({ previous: 2, delta: 2, percent: 100 });
    expect(model.change.totalMinutes).toEqual({ previous: 30, delta: 115, percent: 383 });
    expect(model.change.billableMinutes).toEqual({ previous: 20, delta: 100, percent: 500 });
  });

  test('feedback of the week: count, average, lowest-rated comment', () => {
    expect(model.feedback.count).toBe(3);
    expect(model.feedback.averageRating).toBe(3.7); // 11 / 3
    expect(model.feedback.lowest[0]).toEqual({ rating: 2, text: 'Audio kept dropping <@U123>', date: '2026-12-03' });
  });

  test('an empty week', () => {
    const empty = summarizeDigest({ period: berlinPeriod, usage: [], feedbacks: [] });
    expect(empty.usage.meetCount).toBe(0);
    expect(empty.usage.busiestDay).toBeUndefined();
    expect(empty.days.every((d) => d.meetCount === 0)).toBe(true);
    expect(empty.change.meetCount).toEqual({ previous: 0, delta: 0 });
    expect(empty.feedback.count).toBe(0);
  });

  test('the same records in New York fall into other days', () => {
    const ny = summarizeDigest({
      period: periodBefore(new Date('2026-12-07T14:00:00Z'), 'America/New_York'),
      usage: weekUsage,
      feedbacks: [],
    });
    // NY week: Mon 30 Nov 05:00Z – Mon 7 Dec 05:00Z: A (Mon 03:00 NY) is in, and so is E (Sun 18:30 NY).
    expect(ny.days.find((d) => d.label === 'Sun')?.meetCount).toBe(2);
    expect(ny.usage.meetCount).toBe(5);
  });
});

describe('changes', () => {
  test.each([
    [{ previous: 2, delta: 2, percent: 100 }, 'week before: 2, +100%'],
    [{ previous: 10, delta: -3, percent: -30 }, 'week before: 10, −30%'],
    [{ previous: 0, delta: 4 }, 'week before: 0'],
    [{ previous: 5, delta: 0, percent: 0 }, 'same as the week before'],
  ])('%j → %s', (change, expected) => {
    expect(formatChange(change)).toBe(expected);
  });
});
