import { countByDay, localDay } from '../../src/core/local-day';
import { countMeetsByDay, summarizeUsage } from '../../src/core/summarize-usage';
import type { UsageRecord } from '../../src/meet/schemas';

function meet(code: string, createdAt: string, totalSeconds: number, extra: Partial<UsageRecord> = {}): UsageRecord {
  return {
    code,
    title: `Meet ${code}`,
    participants: 2,
    createdAt,
    totalDurationInSeconds: totalSeconds,
    billableDurationInSeconds: totalSeconds,
    isFree: false,
    isSubscriptionCovered: true,
    ...extra,
  };
}

// Five Meets, figures worked out by hand in the comments.
const records: UsageRecord[] = [
  meet('a', '2026-03-02T09:00:00Z', 1800, { participants: 3 }), // 30 min, covered, Mon 2 Mar
  meet('b', '2026-03-02T23:30:00Z', 17, { participants: 2, isFree: true, billableDurationInSeconds: 10 }), // free; Tue 3 Mar in Berlin
  meet('c', '2026-03-03T10:00:00Z', 3630, { participants: 5, isSubscriptionCovered: false }), // 60.5 min, charged
  meet('d', '2026-03-03T11:00:00Z', 2700, { participants: 4, title: null, billableDurationInSeconds: 2400 }), // 45 min
  meet('e', '2026-03-04T08:00:00Z', 1800, { participants: 1, isSubscriptionCovered: false }), // 30 min, charged
];
// total 1800+17+3630+2700+1800 = 9947 s = 165.78 min → 166; billable 1800+10+3630+2400+1800 = 9640 s = 160.67 → 161
// participants 3+2+5+4+1 = 15 / 5 = 3

describe('summarizeUsage', () => {
  test('figures of a week in UTC', () => {
    expect(summarizeUsage(records, { timeZone: 'UTC' })).toEqual({
      meetCount: 5,
      totalMinutes: 166,
      billableMinutes: 161,
      freeCount: 1,
      coveredCount: 2,
      chargedCount: 2,
      averageParticipants: 3,
      // UTC: Mon 2 Mar has a and b, Tue 3 Mar has c and d: a tie, the earlier day wins.
      busiestDay: { date: '2026-03-02', meetCount: 2 },
      longest: [
        { code: 'c', title: 'Meet c', minutes: 61, date: '2026-03-03' },
        { code: 'd', title: '', minutes: 45, date: '2026-03-03' },
        // a and e last 30 minutes each: the earlier one first.
        { code: 'a', title: 'Meet a', minutes: 30, date: '2026-03-02' },
      ],
    });
  });

  test('the busiest day is the local day: in Berlin, b (23:30 UTC) is on Tuesday', () => {
    const summary = summarizeUsage(records, { timeZone: 'Europe/Berlin' });
    expect(summary.busiestDay).toEqual({ date: '2026-03-03', meetCount: 3 });
  });

  test('an average is rounded to one decimal', () => {
    const three = records.slice(0, 3); // (3 + 2 + 5) / 3 = 3.33…
    expect(summarizeUsage(three, { timeZone: 'UTC' }).averageParticipants).toBe(3.3);
  });

  test('no Meets: zeros, no busiest day, nothing longest', () => {
    expect(summarizeUsage([], { timeZone: 'UTC' })).toEqual({
      meetCount: 0,
      totalMinutes: 0,
      billableMinutes: 0,
      freeCount: 0,
      coveredCount: 0,
      chargedCount: 0,
      averageParticipants: 0,
      longest: [],
    });
  });

  test('does not reorder the records it was given', () => {
    const copy = [...records];
    summarizeUsage(copy, { timeZone: 'UTC' });
    expect(copy.map((r) => r.code)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('per-day helpers', () => {
  test('countMeetsByDay counts by local day, earliest first', () => {
    expect(countMeetsByDay(records, 'Asia/Kolkata')).toEqual([
      { date: '2026-03-02', meetCount: 1 },
      { date: '2026-03-03', meetCount: 3 },
      { date: '2026-03-04', meetCount: 1 },
    ]);
  });

  test('countByDay leaves out what is not a date', () => {
    expect(countByDay(['2026-03-02T23:30:00Z', 'soon', '2026-03-01T23:30:00Z'], 'America/New_York')).toEqual([
      { date: '2026-03-01', count: 1 },
      { date: '2026-03-02', count: 1 },
    ]);
  });

  test.each([
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-28T23:30:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-28T22:30:00Z', 'Europe/Berlin', '2026-03-28'],
    ['2026-04-04T13:30:00Z', 'Australia/Sydney', '2026-04-05'],
    ['2026-03-01T18:29:00Z', 'Asia/Kolkata', '2026-03-01'],
    ['2026-03-01T18:30:00Z', 'Asia/Kolkata', '2026-03-02'],
  ])('localDay(%s, %s) = %s', (instant, zone, day) => {
    expect(localDay(instant, zone)).toBe(day);
  });
});
