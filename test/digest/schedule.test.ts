import { lastDueAt, nextDueAfter, periodBefore } from '../../src/digest/schedule';

const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

describe('due instants', () => {
  const berlinMonday = { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };

  test.each([
    // [at, last due, next due]
    ['2026-12-07T08:00:00.000Z', '2026-12-07T08:00:00.000Z', '2026-12-14T08:00:00.000Z'], // exactly at the due instant
    ['2026-12-07T07:59:59.999Z', '2026-11-30T08:00:00.000Z', '2026-12-07T08:00:00.000Z'], // a moment before
    ['2026-12-09T12:00:00.000Z', '2026-12-07T08:00:00.000Z', '2026-12-14T08:00:00.000Z'], // midweek
    // Across the spring change (29 Mar 2026): 09:00 CET is 08:00Z, 09:00 CEST is 07:00Z.
    ['2026-03-28T12:00:00.000Z', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    // Across the autumn change (25 Oct 2026).
    ['2026-10-24T12:00:00.000Z', '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z'],
  ])('Monday 09:00 Berlin at %s: last %s, next %s', (at, last, next) => {
    expect(lastDueAt(berlinMonday, new Date(at)).toISOString()).toBe(last);
    expect(nextDueAfter(berlinMonday, new Date(at)).toISOString()).toBe(next);
  });

  test('New York: Monday 09:00 is 14:00Z in winter and 13:00Z after the March change', () => {
    const ny = { weekday: 1, time: '09:00', timeZone: 'America/New_York' };
    expect(nextDueAfter(ny, new Date('2026-02-28T00:00:00Z')).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(nextDueAfter(ny, new Date('2026-03-06T00:00:00Z')).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(nextDueAfter(ny, new Date('2026-10-31T00:00:00Z')).toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  test('a time that does not exist on the spring-forward Sunday still runs that week (an hour later)', () => {
    const gap = { weekday: 7, time: '02:30', timeZone: 'Europe/Berlin' };
    expect(nextDueAfter(gap, new Date('2026-03-28T00:00:00Z')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  test('a time that happens twice on the fall-back Sunday runs once', () => {
    const twice = { weekday: 7, time: '02:30', timeZone: 'Europe/Berlin' };
    const first = nextDueAfter(twice, new Date('2026-10-24T00:00:00Z'));
    expect(first.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(nextDueAfter(twice, first).toISOString()).toBe('2026-11-01T01:30:00.000Z');
  });

  test('Friday 16:30 in Tokyo and Sunday in UTC', () => {
    expect(
      nextDueAfter(
        { weekday: 5, time: '16:30', timeZone: 'Asia/Tokyo' },
        new Date('2026-12-01T00:00:00Z'),
      ).toISOString(),
    ).toBe('2026-12-04T07:30:00.000Z');
    expect(
      lastDueAt({ weekday: 7, time: '23:59', timeZone: 'UTC' }, new Date('2026-12-07T00:00:00Z')).toISOString(),
    ).toBe('2026-12-06T23:59:00.000Z');
  });
});

describe('the period a run covers', () => {
  test('a Monday run covers the Monday to Sunday just ended, in the zone', () => {
    const p = periodBefore(new Date('2026-12-07T08:00:00Z'), 'Europe/Berlin');
    expect(p.start.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(p.previousStart.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect([p.startDay, p.endDay]).toEqual(['2026-11-30', '2026-12-06']);
  });

  test('a run at Monday 00:00 exactly covers the week that just ended', () => {
    const p = periodBefore(new Date('2026-12-06T23:00:00Z'), 'Europe/Berlin');
    expect([p.startDay, p.endDay]).toEqual(['2026-11-30', '2026-12-06']);
  });

  test('a Sunday evening run covers the week before, not the one still running', () => {
    const p = periodBefore(new Date('2026-12-06T17:00:00Z'), 'Europe/Berlin');
    expect([p.startDay, p.endDay]).toEqual(['2026-11-23', '2026-11-29']);
  });

  test('the week of the spring change is 167 hours, the autumn one 169, each from local midnight', () => {
    const spring = periodBefore(new Date('2026-03-30T07:00:00Z'), 'Europe/Berlin');
    expect(spring.start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(hours(spring.start, spring.end)).toBe(167);

    const autumn = periodBefore(new Date('2026-10-26T08:00:00Z'), 'Europe/Berlin');
    expect(autumn.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(hours(autumn.start, autumn.end)).toBe(169);
    expect(hours(autumn.previousStart, autumn.start)).toBe(168);
  });

  test('New York, the week of the March change', () => {
    const p = periodBefore(new Date('2026-03-09T13:00:00Z'), 'America/New_York');
    expect(p.start.toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect([p.startDay, p.endDay]).toEqual(['2026-03-02', '2026-03-08']);
  });

  test('the same instant is a different week in Tokyo and in Los Angeles', () => {
    const at = new Date('2026-12-07T02:00:00Z'); // Monday 11:00 in Tokyo, Sunday 18:00 in LA
    expect(periodBefore(at, 'Asia/Tokyo').startDay).toBe('2026-11-30');
    expect(periodBefore(at, 'America/Los_Angeles').startDay).toBe('2026-11-23');
  });
});
