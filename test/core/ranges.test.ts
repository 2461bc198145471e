import type { RangeSpec } from '../../src/core/command';
import { rangeWords, resolveRange } from '../../src/core/ranges';

const preset = (p: RangeSpec & { kind: 'preset' }): RangeSpec => p;
const days = (start: string, end: string): RangeSpec => ({ kind: 'days', start, end });

// Expected instants are computed by hand from each zone's offset on those days.
const cases: Array<[string, RangeSpec, string, string, string, string, string]> = [
  // zone, spec, now, from, to, startDay, endDay
  [
    'UTC',
    preset({ kind: 'preset', preset: 'this week' }),
    '2026-03-08T12:00:00Z',
    '2026-03-02T00:00:00.000Z',
    '2026-03-08T23:59:59.999Z',
    '2026-03-02',
    '2026-03-08',
  ],
  [
    'UTC',
    preset({ kind: 'preset', preset: 'this week' }),
    '2026-03-09T00:00:00Z',
    '2026-03-09T00:00:00.000Z',
    '2026-03-15T23:59:59.999Z',
    '2026-03-09',
    '2026-03-15',
  ],
  [
    'UTC',
    preset({ kind: 'preset', preset: 'last week' }),
    '2026-01-01T12:00:00Z',
    '2025-12-22T00:00:00.000Z',
    '2025-12-28T23:59:59.999Z',
    '2025-12-22',
    '2025-12-28',
  ],
  [
    'UTC',
    preset({ kind: 'preset', preset: 'last month' }),
    '2026-01-15T12:00:00Z',
    '2025-12-01T00:00:00.000Z',
    '2025-12-31T23:59:59.999Z',
    '2025-12-01',
    '2025-12-31',
  ],
  [
    'UTC',
    preset({ kind: 'preset', preset: '30d' }),
    '2026-03-10T12:00:00Z',
    '2026-02-09T00:00:00.000Z',
    '2026-03-10T23:59:59.999Z',
    '2026-02-09',
    '2026-03-10',
  ],
  [
    'UTC',
    preset({ kind: 'preset', preset: '7d' }),
    '2026-03-10T23:59:59Z',
    '2026-03-04T00:00:00.000Z',
    '2026-03-10T23:59:59.999Z',
    '2026-03-04',
    '2026-03-10',
  ],
  // Berlin springs forward on 2026-03-29 (a 23-hour Sunday) and falls back on 2026-10-25 (25 hours).
  [
    'Europe/Berlin',
    preset({ kind: 'preset', preset: 'last week' }),
    '2026-03-30T08:00:00Z',
    '2026-03-22T23:00:00.000Z',
    '2026-03-29T21:59:59.999Z',
    '2026-03-23',
    '2026-03-29',
  ],
  [
    'Europe/Berlin',
    days('2026-03-29', '2026-03-29'),
    '2026-06-01T00:00:00Z',
    '2026-03-28T23:00:00.000Z',
    '2026-03-29T21:59:59.999Z',
    '2026-03-29',
    '2026-03-29',
  ],
  [
    'Europe/Berlin',
    days('2026-10-25', '2026-10-25'),
    '2026-06-01T00:00:00Z',
    '2026-10-24T22:00:00.000Z',
    '2026-10-25T22:59:59.999Z',
    '2026-10-25',
    '2026-10-25',
  ],
  [
    'Europe/Berlin',
    preset({ kind: 'preset', preset: 'this month' }),
    '2026-10-31T23:30:00Z',
    '2026-10-31T23:00:00.000Z',
    '2026-11-30T22:59:59.999Z',
    '2026-11-01',
    '2026-11-30',
  ],
  // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
  [
    'America/New_York',
    preset({ kind: 'preset', preset: 'this week' }),
    '2026-03-05T12:00:00Z',
    '2026-03-02T05:00:00.000Z',
    '2026-03-09T03:59:59.999Z',
    '2026-03-02',
    '2026-03-08',
  ],
  [
    'America/New_York',
    preset({ kind: 'preset', preset: 'last month' }),
    '2026-12-01T10:00:00Z',
    '2026-11-01T04:00:00.000Z',
    '2026-12-01T04:59:59.999Z',
    '2026-11-01',
    '2026-11-30',
  ],
  [
    'America/New_York',
    preset({ kind: 'preset', preset: '7d' }),
    '2026-03-02T03:00:00Z',
    '2026-02-23T05:00:00.000Z',
    '2026-03-02T04:59:59.999Z',
    '2026-02-23',
    '2026-03-01',
  ],
  // Sydney falls back on 2026-04-05 (+11 → +10) and springs forward on 2026-10-04.
  [
    'Australia/Sydney',
    preset({ kind: 'preset', preset: '7d' }),
    '2026-04-07T00:00:00Z',
    '2026-03-31T13:00:00.000Z',
    '2026-04-07T13:59:59.999Z',
    '2026-04-01',
    '2026-04-07',
  ],
  [
    'Australia/Sydney',
    days('2026-10-01', '2026-10-07'),
    '2026-06-01T00:00:00Z',
    '2026-09-30T14:00:00.000Z',
    '2026-10-07T12:59:59.999Z',
    '2026-10-01',
    '2026-10-07',
  ],
  // Kolkata is +05:30 all year: the local day starts at 18:30 UTC the day before.
  [
    'Asia/Kolkata',
    preset({ kind: 'preset', preset: 'this week' }),
    '2026-03-01T19:00:00Z',
    '2026-03-01T18:30:00.000Z',
    '2026-03-08T18:29:59.999Z',
    '2026-03-02',
    '2026-03-08',
  ],
  [
    'Asia/Kolkata',
    preset({ kind: 'preset', preset: 'this month' }),
    '2026-02-10T20:00:00Z',
    '2026-01-31T18:30:00.000Z',
    '2026-02-28T18:29:59.999Z',
    '2026-02-01',
    '2026-02-28',
  ],
  [
    'UTC',
    days('2024-02-28', '2024-03-01'),
    '2026-06-01T00:00:00Z',
    '2024-02-28T00:00:00.000Z',
    '2024-03-01T23:59:59.999Z',
    '2024-02-28',
    '2024-03-01',
  ],
];

describe('resolveRange', () => {
  test.each(cases)('%s %j at %s', (timeZone, spec, now, from, to, startDay, endDay) => {
    const result = resolveRange(spec, { now: new Date(now), timeZone });
    expect(result).toEqual({
      ok: true,
      value: {
        from,
        to,
        label: {
          label: spec.kind === 'preset' ? spec.preset : `${spec.start}..${spec.end}`,
          startDay,
          endDay,
          timeZone,
        },
      },
    });
  });

  test.each([
    ['2026-03-08', '2026-03-01', /ends before it starts/],
    ['2026-02-30', '2026-03-01', /2026-02-30 is not a date/],
    ['2026-03-01', '2026-3-9', /2026-3-9 is not a date/],
    ['yesterday', '2026-03-01', /yesterday is not a date/],
  ])('%s..%s is an error', (start, end, message) => {
    const result = resolveRange(days(start, end), { now: new Date('2026-03-10T00:00:00Z'), timeZone: 'UTC' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(message);
    expect(result.error.token).toBe(`${start}..${end}`);
  });

  test('an unknown time zone is an error', () => {
    const result = resolveRange({ kind: 'preset', preset: '7d' }, { now: new Date(), timeZone: 'Mars/Olympus' });
    expect(!result.ok && result.error.message).toMatch(/Mars\/Olympus/);
  });
});

describe('rangeWords', () => {
  const at = { now: new Date('2026-11-25T12:00:00Z'), timeZone: 'Europe/Berlin' };
  const words = (spec: RangeSpec) => {
    const result = resolveRange(spec, at);
    if (!result.ok) throw new Error(result.error.message);
    return rangeWords(result.value.label);
  };

  test('a preset is named as typed, with its days and zone', () => {
    expect(words({ kind: 'preset', preset: 'last week' })).toEqual({
      name: 'last week',
      days: 'Mon 16 Nov – Sun 22 Nov 2026',
      timeZone: 'Europe/Berlin',
    });
  });

  test('days typed as days are named by them, and not repeated', () => {
    expect(words(days('2026-11-01', '2026-11-15'))).toEqual({
      name: 'Sun 1 Nov – Sun 15 Nov 2026',
      timeZone: 'Europe/Berlin',
    });
  });

  test('one day is named once', () => {
    expect(words(days('2026-11-03', '2026-11-03'))).toEqual({ name: 'Tue 3 Nov 2026', timeZone: 'Europe/Berlin' });
  });
});
