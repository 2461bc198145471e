import { buildMeetReminder } from '../../src/core/reminder';
import type { MeetCreatedPublic, MeetSchedule } from '../../src/core/reply-model';
import { renderMeetCreatedCard, renderReplyCard, showPerson } from '../../src/teams/cards';
import { renderMeetReminderCard } from '../../src/teams/schedule-cards';
import { cardProblems } from './validate-card';

/** Meets for later as Adaptive Cards: valid at 1.5, {{DATE}}/{{TIME}} for each reader, nothing to click once cancelled. */

const schedule: MeetSchedule = {
  startsAt: '2026-12-31T22:30:00.000Z',
  endsAt: '2027-01-01T00:00:00.000Z',
  timeZone: 'Europe/Berlin',
  reminderMinutes: 15,
};
const bob = { displayName: 'Bob Jones', platform: 'teams' as const, userId: '29:bob' };
const alice = { displayName: 'Alice <Smith>', platform: 'teams' as const, userId: '29:alice' };
const meet: MeetCreatedPublic = {
  title: 'Q&A *launch* [x](http://evil.example)',
  joinUrl: 'https://meet.rs/j/ABC123',
  template: 'interview',
  createdBy: bob,
  participants: [
    { label: 'Organizer', role: 'Admin', people: [bob] },
    { label: 'Interviewer', role: 'PowerUser', people: [alice] },
    { label: 'Candidate', role: 'User', people: [{ displayName: 'c@x.com', platform: 'teams', email: 'c@x.com' }] },
  ],
  guestAccess: 'none',
  schedule,
};

test('the card: the time for each reader (the end with its day, across midnight), calendar actions, valid', () => {
  const card = renderMeetCreatedCard(meet);
  expect(cardProblems(card)).toEqual([]);
  const text = JSON.stringify(card);
  expect(text).toContain(
    '{{DATE(2026-12-31T22:30:00Z, SHORT)}} {{TIME(2026-12-31T22:30:00Z)}} – {{DATE(2027-01-01T00:00:00Z, SHORT)}} {{TIME(2027-01-01T00:00:00Z)}}',
  );
  expect(text).toContain('Reminder in this thread 15m before');
  expect(card.actions?.map((a) => a.title)).toEqual(['Join', 'Google Calendar', 'Outlook']);
  expect(text).not.toContain('](http://evil.example)');
});

test('cancelled: said so, no actions, still valid', () => {
  const card = renderMeetCreatedCard({ ...meet, cancelled: true });
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).toContain('Cancelled by its organizer');
  expect(card.actions).toBeUndefined();
});

test('the reminder mentions the Teams users once each, has Join, and is valid', () => {
  const card = renderMeetReminderCard(buildMeetReminder(meet, new Date('2026-12-31T22:15:00Z'))!, showPerson);
  expect(cardProblems(card)).toEqual([]);
  expect(card.msteams?.entities?.map((e) => e.mentioned.id)).toEqual(['29:bob', '29:alice']);
  expect(JSON.stringify(card)).toContain('starts in 15m, at {{DATE(2026-12-31T22:30:00Z, SHORT)}}');
  expect(card.actions?.[0]).toMatchObject({ title: 'Join', url: meet.joinUrl });
});

test('upcoming, empty and full, is valid', () => {
  for (const meets of [
    [],
    [{ code: 'ABC123', title: meet.title, joinUrl: meet.joinUrl, template: 'meeting' as const, schedule }],
  ]) {
    expect(cardProblems(renderReplyCard({ kind: 'upcoming', timeZone: 'UTC', meets }))).toEqual([]);
  }
});
