import {
  formatClock,
  formatDate,
  formatDay,
  formatDayRange,
  formatDuration,
  formatInstant,
  formatNumber,
  stars,
} from '../../src/core/formats';

describe('one way to write durations, days and instants', () => {
  test.each([
    [0, '0m'],
    [45, '45m'],
    [59.6, '1h'],
    [60, '1h'],
    [61, '1h 01m'],
    [90, '1h 30m'],
    [1770, '29h 30m'],
    [2580, '43h'],
    [75_000, '1,250h'],
    [-5, '0m'],
  ])('%p minutes → %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  test('days, with and without the year; ranges name the first year only when it differs', () => {
    expect(formatDay('2026-12-03')).toBe('Thu 3 Dec');
    expect(formatDate('2026-12-03')).toBe('Thu 3 Dec 2026');
    expect(formatDayRange('2026-11-30', '2026-12-06')).toBe('Mon 30 Nov – Sun 6 Dec 2026');
    expect(formatDayRange('2026-12-28', '2027-01-03')).toBe('Mon 28 Dec 2026 – Sun 3 Jan 2027');
    expect(formatDayRange('2026-11-03', '2026-11-03')).toBe('Tue 3 Nov 2026');
  });

  test('a day that is not YYYY-MM-DD is shown as it came, never thrown on', () => {
    expect(formatDay('')).toBe('');
    expect(formatDate('yesterday')).toBe('yesterday');
    expect(formatDay('2026-13-45')).toBe('2026-13-45');
  });

  test('instants in the reader’s zone, across a DST change', () => {
    const summer = new Date('2026-07-01T08:00:00Z');
    const winter = new Date('2026-12-01T08:00:00Z');
    expect(formatInstant(summer, 'Europe/Berlin')).toBe('Wed 1 Jul 2026 10:00');
    expect(formatInstant(winter, 'Europe/Berlin')).toBe('Tue 1 Dec 2026 09:00');
    expect(formatClock(winter, 'America/New_York')).toBe('03:00');
  });

  test('numbers and ratings', () => {
    expect(formatNumber(5432.25)).toBe('5,432.3');
    expect(formatNumber(3.456, 0)).toBe('3');
    expect(stars(4)).toBe('★★★★☆');
    expect(stars(4.5)).toBe('4.5');
    expect(stars(9)).toBe('9');
  });
});
