import type { CreateCommand } from '../../src/core/command';
import { planSchedule, reminderDue } from '../../src/core/plan-schedule';

/**
 * When a Meet for later is: the zone in order `tz:`, the person's own, DIGEST_TIME_ZONE; the end
 * from the duration (60 minutes without one); the reminder's lead from `remind:` or
 * MEET_REMINDER_MINUTES, and none when it would be due already.
 */

// Thursday 3 Dec 2026, 08:00 UTC (09:00 in Berlin, 03:00 in New York, 17:00 in Tokyo).
const now = new Date('2026-12-03T08:00:00Z');
const at15 = (command: Partial<CreateCommand> = {}): CreateCommand => ({
  kind: 'create',
  template: 'meeting',
  people: [],
  guests: { kind: 'default' },
  start: { kind: 'wall', date: '2026-12-04', time: '15:00' },
  ...command,
});
const plan = (command: CreateCommand, personZone?: string, defaultReminderMinutes = 10) =>
  planSchedule({ command, now, personZone, defaultZone: 'Asia/Tokyo', defaultReminderMinutes });

test.each([
  [
    'tz: over the person and the default',
    { timeZone: 'America/New_York' },
    'Europe/Berlin',
    'America/New_York',
    '2026-12-04T20:00:00.000Z',
  ],
  ['the person over the default', {}, 'Europe/Berlin', 'Europe/Berlin', '2026-12-04T14:00:00.000Z'],
  ['DIGEST_TIME_ZONE when nobody said', {}, undefined, 'Asia/Tokyo', '2026-12-04T06:00:00.000Z'],
])('the zone: %s', (_what, command, personZone, zone, startsAt) => {
  const planned = plan(at15(command), personZone);
  expect(planned).toEqual({
    ok: true,
    value: {
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
      timeZone: zone,
      reminderMinutes: 10,
    },
  });
});

test('a Meet for now has no schedule', () => {
  expect(plan(at15({ start: undefined }))).toEqual({ ok: true, value: undefined });
});

test('the end comes from the duration; the reminder from remind:, else the configured lead', () => {
  const planned = plan(at15({ durationMinutes: 45, reminderMinutes: 30 }), 'Europe/Berlin', 5);
  expect(planned.ok && planned.value).toMatchObject({
    startsAt: '2026-12-04T14:00:00.000Z',
    endsAt: '2026-12-04T14:45:00.000Z',
    reminderMinutes: 30,
  });
  expect(planned.ok && planned.value && reminderDue(planned.value)?.toISOString()).toBe('2026-12-04T13:30:00.000Z');
  const byDefault = plan(at15(), 'Europe/Berlin', 5);
  expect(byDefault.ok && byDefault.value && reminderDue(byDefault.value)?.toISOString()).toBe(
    '2026-12-04T13:55:00.000Z',
  );
  const none = plan(at15(), 'Europe/Berlin', 0);
  expect(none.ok && none.value && reminderDue(none.value)).toBeUndefined();
});

test('a reminder that would be due already is dropped: in 5 minutes with a 10-minute lead', () => {
  const soon = plan(at15({ start: { kind: 'words', text: 'in 5m', token: 'in 5m' } }), 'Europe/Berlin');
  expect(soon.ok && soon.value).toMatchObject({ startsAt: '2026-12-03T08:05:00.000Z', reminderMinutes: 0 });
});

test('a time in the past is refused saying how it was read, with the usage for times', () => {
  const past = plan(at15({ start: { kind: 'wall', date: '2026-12-02', time: '15:00' } }), 'Europe/Berlin');
  expect(past.ok).toBe(false);
  if (past.ok) return;
  expect(past.error.message).toContain('Europe/Berlin is in the past');
  const typed = plan(at15({ start: { kind: 'words', text: 'yesterday 15:00', token: 'yesterday 15:00' } }));
  expect(typed.ok).toBe(false);
  if (!typed.ok) expect(typed.error.usage).toEqual(expect.any(String));
});
