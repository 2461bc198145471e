import type { StartSpec } from '../../src/core/command';
import { instantsOf, maxDaysAhead, resolveStart } from '../../src/core/resolve-start';

/**
 * Reading a Meet's start: the words (or a form's date and time), `now` and the zone passed in, an
 * instant or a mistake that says how the time was read. `now` is fixed here because it is an
 * argument: nothing in resolve-start reads the clock.
 */

const berlin = 'Europe/Berlin';
// Thursday 26 November 2026, 10:00 in Berlin (CET, UTC+1).
const now = new Date('2026-11-26T09:00:00Z');
const words = (text: string): StartSpec => ({ kind: 'words', text, token: text });

function read(text: string, timeZone = berlin, at = now): string {
  const result = resolveStart(words(text), { now: at, timeZone });
  if (!result.ok) throw new Error(`expected ${text} to be read, got: ${result.error.message}`);
  return result.value.toISOString();
}

function mistake(spec: StartSpec | string, timeZone = berlin, at = now) {
  const result = resolveStart(typeof spec === 'string' ? words(spec) : spec, { now: at, timeZone });
  if (result.ok) throw new Error(`expected a mistake, got ${result.value.toISOString()}`);
  return result.error;
}

describe('the words of the issue, read in the person’s zone', () => {
  test.each<[string, string]>([
    ['tomorrow 15:00', '2026-11-27T14:00:00.000Z'],
    ['fri 10:30', '2026-11-27T09:30:00.000Z'],
    ['at 9', '2026-11-27T08:00:00.000Z'],
    ['at 11', '2026-11-26T10:00:00.000Z'],
    ['2026-12-04 09:00', '2026-12-04T08:00:00.000Z'],
    ['in 2h', '2026-11-26T11:00:00.000Z'],
    ['next monday 14:00', '2026-11-30T13:00:00.000Z'],
    ['Fri 4 Dec 2026 15:00', '2026-12-04T14:00:00.000Z'],
    ['4 dec 15:00', '2026-12-04T14:00:00.000Z'],
    ['tomorrow 3pm', '2026-11-27T14:00:00.000Z'],
    ['at 9 am', '2026-11-27T08:00:00.000Z'],
    ['tomorrow noon', '2026-11-27T11:00:00.000Z'],
    ['in 1h 30m', '2026-11-26T10:30:00.000Z'],
    ['in 90 minutes', '2026-11-26T10:30:00.000Z'],
    ['2026-12-04T09:00Z', '2026-12-04T09:00:00.000Z'],
    ['2026-12-04T09:00+05:00', '2026-12-04T04:00:00.000Z'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  test('the same words in another zone name another instant', () => {
    expect(read('tomorrow 15:00', 'America/New_York')).toBe('2026-11-27T20:00:00.000Z');
    expect(read('tomorrow 15:00', 'Asia/Kolkata')).toBe('2026-11-27T09:30:00.000Z');
    // Auckland is 13 hours ahead (22:00 on Thursday): Friday 09:00 there is Thursday 20:00 UTC.
    expect(read('tomorrow 09:00', 'Pacific/Auckland')).toBe('2026-11-26T20:00:00.000Z');
    // At 01:00 UTC it is already Friday in Auckland: "tomorrow" is Saturday there, Friday in Berlin.
    const early = new Date('2026-11-27T01:00:00Z');
    expect(read('tomorrow 09:00', 'Pacific/Auckland', early)).toBe('2026-11-27T20:00:00.000Z');
    expect(read('tomorrow 09:00', berlin, early)).toBe('2026-11-28T08:00:00.000Z');
  });

  test('`in 2h` is two hours of real time, across a clock change too', () => {
    // 01:30 in Berlin on the night the clocks go forward (02:00 → 03:00): two hours later it is 04:30.
    expect(read('in 2h', berlin, new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29T02:30:00.000Z');
  });

  test('`in …` is read to the minute', () => {
    expect(read('in 45m', berlin, new Date('2026-11-26T09:00:40.500Z'))).toBe('2026-11-26T09:45:00.000Z');
  });

  test('the process’s own time zone plays no part', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Australia/Lord_Howe', 'UTC']) {
        process.env.TZ = zone;
        expect([read('tomorrow 15:00'), read('fri 10:30'), read('in 2h'), read('at 9')]).toEqual([
          '2026-11-27T14:00:00.000Z',
          '2026-11-27T09:30:00.000Z',
          '2026-11-26T11:00:00.000Z',
          '2026-11-27T08:00:00.000Z',
        ]);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('mistakes say how the time was read, and create nothing', () => {
  test('a time in the past', () => {
    expect(mistake('today 9:00')).toMatchObject({
      message: expect.stringMatching(/^Thu 26 Nov 2026 09:00 Europe\/Berlin is in the past\./),
      token: 'today 9:00',
    });
    expect(mistake('2026-11-01 10:00').message).toMatch(/^Sun 1 Nov 2026 10:00 Europe\/Berlin is in the past/);
  });

  test('a day that does not exist, and a time that is none', () => {
    expect(mistake('2026-02-30 10:00').message).toMatch(/2026-02-30 is not a calendar day/);
    expect(mistake('25:00').message).toMatch(/I could not read "25:00" as a time\. Write it like tomorrow 15:00/);
  });

  test('a day without a time of day', () => {
    expect(mistake('tomorrow').message).toBe('"tomorrow" has no time of day. Add one: tomorrow 15:00.');
    expect(mistake('fri').message).toMatch(/"fri" has no time of day/);
  });

  test('two times in one command', () => {
    expect(mistake('tomorrow 15:00 fri 10:00').message).toMatch(
      /^I read "tomorrow 15:00" as a time, but not "fri 10:00"/,
    );
  });

  test('a wall-clock time in a daylight-saving gap', () => {
    const error = mistake('2026-03-29 02:30', berlin, new Date('2026-03-01T09:00:00Z'));
    expect(error.message).toBe(
      'Sun 29 Mar 2026 02:30 does not exist in Europe/Berlin: the clocks skip that hour for daylight saving time. Pick a time outside it.',
    );
    expect(mistake('2026-03-08 02:30', 'America/New_York', new Date('2026-03-01T09:00:00Z')).message).toMatch(
      /Sun 8 Mar 2026 02:30 does not exist in America\/New_York/,
    );
  });

  test('more than a year ahead', () => {
    expect(mistake('2028-01-10 10:00').message).toMatch(
      new RegExp(`^Mon 10 Jan 2028 10:00 Europe/Berlin is more than a year ahead\\. .*${maxDaysAhead} days`),
    );
  });
});

describe('a wall-clock time in a fold (the clocks go back) is the first of the two', () => {
  test('02:30 on the last Sunday of October in Berlin is 02:30 summer time', () => {
    const both = instantsOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, berlin);
    expect(both.map((d) => d.toISOString())).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(read('2026-10-25 02:30', berlin, new Date('2026-10-01T00:00:00Z'))).toBe('2026-10-25T00:30:00.000Z');
  });

  test('a half-hour change (Lord Howe Island) too', () => {
    const both = instantsOf({ year: 2026, month: 4, day: 5, hour: 1, minute: 45 }, 'Australia/Lord_Howe');
    expect(both).toHaveLength(2);
    expect(both[1].getTime() - both[0].getTime()).toBe(30 * 60_000);
  });

  test('an ordinary time has one instant, a gap none', () => {
    expect(instantsOf({ year: 2026, month: 7, day: 1, hour: 12, minute: 0 }, berlin)).toHaveLength(1);
    expect(instantsOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, berlin)).toEqual([]);
  });
});

describe('a form’s date and time pickers', () => {
  const wall = (date: string, time: string): StartSpec => ({ kind: 'wall', date, time });

  test('a wall-clock time in the person’s zone', () => {
    const result = resolveStart(wall('2026-11-27', '15:00'), { now, timeZone: berlin });
    expect(result).toEqual({ ok: true, value: new Date('2026-11-27T14:00:00Z') });
    expect(resolveStart(wall('2026-11-27', '15:00'), { now, timeZone: 'UTC' })).toEqual({
      ok: true,
      value: new Date('2026-11-27T15:00:00Z'),
    });
  });

  test('mistakes name the field', () => {
    expect(mistake(wall('2026-11-20', '15:00'))).toMatchObject({
      field: 'date',
      message: expect.stringMatching(/^Fri 20 Nov 2026 15:00 Europe\/Berlin is in the past/),
    });
    expect(mistake(wall('2026-02-30', '15:00'))).toMatchObject({
      field: 'date',
      message: '2026-02-30 is not a calendar day.',
    });
    expect(mistake(wall('2026-12-01', '24:00'))).toMatchObject({
      field: 'time',
      message: '"24:00" is not a time of day (HH:MM).',
    });
    expect(mistake(wall('2027-03-28', '02:15'), berlin).message).toMatch(
      /Sun 28 Mar 2027 02:15 does not exist in Europe\/Berlin/,
    );
  });
});
