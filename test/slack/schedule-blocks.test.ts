import { buildMeetReminder } from '../../src/core/reminder';
import type { MeetCreatedPublic, MeetSchedule, Reply } from '../../src/core/reply-model';
import { renderMeetCreatedPrivate, renderMeetCreatedPublic, renderReply } from '../../src/slack/blocks';
import { checkMessage } from '../../src/slack/limits';
import { renderMeetReminder } from '../../src/slack/schedule-blocks';

/** Meets for later in Block Kit: within Slack's limits, the time as `<!date>` tokens, no Join once cancelled. */

const schedule: MeetSchedule = {
  startsAt: '2026-12-31T22:30:00.000Z',
  endsAt: '2027-01-01T00:00:00.000Z',
  timeZone: 'Europe/Berlin',
  reminderMinutes: 10,
};
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    displayName: `P${i}`,
    platform: 'slack' as const,
    userId: `U${String(i).padStart(6, '0')}`,
  }));
const meet: MeetCreatedPublic = {
  title: `New Year's ${'🎉'.repeat(200)}`,
  joinUrl: 'https://meet.rs/abcdEFGH',
  template: 'meeting',
  createdBy: people(1)[0],
  participants: [{ label: 'Participant', role: 'User', people: people(300) }],
  guestAccess: 'none',
  durationMinutes: 90,
  schedule,
};

test('a Meet for later across midnight and the year: each reader’s zone, the end with its day, calendar buttons, within limits', () => {
  const message = renderMeetCreatedPublic(meet, { timeZone: 'UTC' });
  expect(checkMessage(message)).toEqual([]);
  const text = JSON.stringify(message);
  // 23:30 on 31 Dec in Berlin until 01:00 on 1 Jan: the end shows its day too.
  expect(text).toContain('<!date^1798756200^{date_short_pretty} {time}|Thu 31 Dec 2026 23:30 Europe/Berlin>');
  expect(text).toContain('<!date^1798761600^{date_short_pretty} {time}|Fri 1 Jan 2027 01:00 Europe/Berlin>');
  expect(text).toContain('"action_id":"calendar_google"');
  expect(text).toContain('"action_id":"calendar_outlook"');
  for (const block of message.blocks.filter((b) => b.type === 'actions') as Array<{
    elements: Array<{ url: string }>;
  }>) {
    for (const button of block.elements) expect(button.url.length).toBeLessThanOrEqual(2000);
  }
});

test('cancelled: said so, and no Join, calendar buttons, link or reminder note', () => {
  const message = renderMeetCreatedPublic({ ...meet, cancelled: true, status: { state: 'created' } });
  expect(checkMessage(message)).toEqual([]);
  const text = JSON.stringify(message);
  expect(text).toContain('Cancelled by its organizer');
  expect(text).not.toMatch(/join_meet|calendar_|Reminder in this thread|Not started yet|meet\.rs/);
  expect(message.text).toContain('(Cancelled)');
});

test('the private message has the calendar buttons, within limits with 500 passcodes', () => {
  const message = renderMeetCreatedPrivate({
    code: 'abcdEFGH',
    joinUrl: meet.joinUrl,
    title: meet.title,
    passcodes: Array.from({ length: 500 }, (_, i) => ({
      person: { displayName: `o${i}`, platform: 'slack' as const, email: `o${i}@example.com` },
      label: 'Guest' as const,
      passcode: String(10_000_000 + i),
    })),
    guestPasscode: '12345678',
    schedule,
  });
  expect(checkMessage(message)).toEqual([]);
  expect(JSON.stringify(message)).toContain('calendar_google_private');
});

test('the reminder: everyone mentioned once, within limits; late, it says it has started', () => {
  const withTwice = {
    ...meet,
    participants: [...meet.participants, { label: 'Co-host' as const, role: 'PowerUser' as const, people: people(3) }],
  };
  const reminder = buildMeetReminder(withTwice, new Date('2026-12-31T22:20:00Z'))!;
  expect(reminder.people).toHaveLength(300);
  const message = renderMeetReminder(reminder);
  expect(checkMessage(message)).toEqual([]);
  expect(JSON.stringify(message)).toContain('starts in 10m, at <!date^1798756200^');
  const late = renderMeetReminder(buildMeetReminder(meet, new Date('2026-12-31T22:32:00Z'))!);
  expect(JSON.stringify(late)).toContain('has started, at');
});

test('/meet upcoming within limits, with the codes', () => {
  const reply: Reply = {
    kind: 'upcoming',
    timeZone: 'UTC',
    meets: Array.from({ length: 60 }, (_, i) => ({
      code: `code${i}`,
      title: '*bold* <!channel>',
      joinUrl: meet.joinUrl,
      template: 'interview' as const,
      schedule,
    })),
  };
  const message = renderReply(reply);
  expect(checkMessage(message)).toEqual([]);
  expect(JSON.stringify(message)).toContain('code0');
  expect(JSON.stringify(message)).not.toContain('<!channel>');
  expect(checkMessage(renderReply({ kind: 'upcoming', timeZone: 'UTC', meets: [] }))).toEqual([]);
});
