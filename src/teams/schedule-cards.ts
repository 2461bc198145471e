import { calendarLinks } from '../core/calendar-links';
import { formatSpan, isSameDay } from '../core/formats';
import type { MeetReminder } from '../core/reminder';
import type { MeetSchedule, ShownPerson, UpcomingItem } from '../core/reply-model';
import { reminderNote, startsWords } from '../core/schedule-words';
import { templateName } from '../core/words';
import { type AdaptiveCard, type CardElement, createCard, type MentionEntity, textBlock } from './card-types';
import { escapeInline } from './escape';
import { teamsDateTime, teamsTime } from './status-line';

/** The Adaptive Cards of Meets for later: when, the calendar actions, the reminder, `@Meet upcoming`. */

/** `📅 **{{DATE}} {{TIME}} – {{TIME}}** · Reminder in this thread 10m before`, in each reader's zone. */
export function scheduleLine(schedule: MeetSchedule): string {
  const start = new Date(schedule.startsAt);
  const end = new Date(schedule.endsAt);
  // The end's day too when it is another one (for the organizer; Teams formats each reader's own).
  const until = isSameDay(start, end, schedule.timeZone) ? teamsTime(end) : teamsDateTime(end);
  const note = reminderNote(schedule.reminderMinutes);
  return [`📅 **${teamsDateTime(start)} – ${until}**`, ...(note ? [note] : [])].join(' · ');
}

/** Where the time cannot be drawn (notifications, the activity feed): in the organizer's zone. */
export function scheduleSummary(schedule: MeetSchedule): string {
  return formatSpan(new Date(schedule.startsAt), new Date(schedule.endsAt), schedule.timeZone);
}

/** "Google Calendar" and "Outlook": their new-event pages, pre-filled (title, times, join link only). */
export function calendarActions(meet: { title: string; joinUrl: string; schedule: MeetSchedule }): CardElement[] {
  const links = calendarLinks({
    title: meet.title,
    startsAt: new Date(meet.schedule.startsAt),
    endsAt: new Date(meet.schedule.endsAt),
    joinUrl: meet.joinUrl,
  });
  return [
    { type: 'Action.OpenUrl', title: 'Google Calendar', url: links.google },
    { type: 'Action.OpenUrl', title: 'Outlook', url: links.outlook },
  ];
}

/** The reply to the Meet's card: the people (mentioned), the title, when (each reader's zone), Join. */
export function renderMeetReminderCard(
  reminder: MeetReminder,
  showPerson: (person: ShownPerson, entities: MentionEntity[]) => string,
): AdaptiveCard {
  const entities: MentionEntity[] = [];
  const who = reminder.people
    .filter((p) => p.platform === 'teams')
    .map((p) => showPerson(p, entities))
    .join(', ');
  const text = `⏰ ${who ? `${who} ` : ''}**${escapeInline(reminder.title)}** ${startsWords(reminder.minutesToStart)} ${teamsDateTime(reminder.startsAt)}.`;
  return createCard(
    [textBlock(text)],
    [{ type: 'Action.OpenUrl', title: 'Join', url: reminder.joinUrl, style: 'positive' }],
    entities,
  );
}

/** `@Meet upcoming`: each Meet for later, when, its code (for `cancel`), Join. */
export function renderUpcomingCard(meets: UpcomingItem[]): AdaptiveCard {
  const body: CardElement[] = [textBlock('Your Meets for later', { size: 'Large', weight: 'Bolder' })];
  if (meets.length === 0) body.push(textBlock('No Meets for later. Add a time: @Meet "Sync" tomorrow 15:00.'));
  for (const m of meets.slice(0, 25)) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(`**${escapeInline(m.title)}** · ${templateName(m.template)} · code ${escapeInline(m.code)}`),
        textBlock(scheduleLine({ ...m.schedule, reminderMinutes: 0 }), { spacing: 'None' }),
        { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Join', url: m.joinUrl }] },
      ],
    });
  }
  if (meets.length > 0) body.push(textBlock('Cancel one with: cancel CODE', { isSubtle: true, size: 'Small' }));
  return createCard(body);
}
