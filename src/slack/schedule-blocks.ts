import type { types } from '@slack/bolt';
import { calendarLinks } from '../core/calendar-links';
import type { MeetReminder } from '../core/reminder';
import type { MeetSchedule, UpcomingItem } from '../core/reply-model';
import { reminderNote, startsWords } from '../core/schedule-words';
import { templateName } from '../core/words';
import {
  type Block,
  context,
  fallbackText,
  header,
  joinWithin,
  linkButton,
  mrkdwnSection,
  type SlackMessage,
} from './block-kit';
import { slackDateTime, slackSpan } from './dates';
import { codeSpan, escapeMrkdwn, mentionUser } from './escape';
import { shorten, slackLimits } from './limits';

/** The Block Kit of Meets for later: when, the calendar buttons, the reminder, `/meet upcoming`. */

/** `:calendar: *Tomorrow 15:00 – 15:45*  ·  Reminder in this thread 10m before`, in each reader's zone. */
export function scheduleLine(schedule: MeetSchedule): string {
  const span = slackSpan(new Date(schedule.startsAt), new Date(schedule.endsAt), schedule.timeZone);
  const note = reminderNote(schedule.reminderMinutes);
  return [`:calendar: *${span}*`, ...(note ? [note] : [])].join('  ·  ');
}

function urlButton(text: string, url: string, actionId: string): types.Button | undefined {
  if (url.length > slackLimits.url) return undefined;
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, url, action_id: actionId };
}

/** "Google Calendar" and "Outlook": their new-event pages, pre-filled (title, times, join link only). */
export function calendarActions(
  meet: { title: string; joinUrl: string; schedule: MeetSchedule },
  suffix = '',
): Block | undefined {
  const links = calendarLinks({
    title: meet.title,
    startsAt: new Date(meet.schedule.startsAt),
    endsAt: new Date(meet.schedule.endsAt),
    joinUrl: meet.joinUrl,
  });
  const elements = [
    urlButton('Google Calendar', links.google, `calendar_google${suffix}`),
    urlButton('Outlook', links.outlook, `calendar_outlook${suffix}`),
  ].filter((b): b is types.Button => b !== undefined);
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

/** The reply in the thread: the people, the title, when (each reader's zone), Join. */
export function renderMeetReminder(reminder: MeetReminder): SlackMessage {
  const mentions = reminder.people.flatMap((p) => (p.platform === 'slack' ? [mentionUser(p.userId) ?? ''] : []));
  const who = joinWithin(mentions.filter(Boolean), slackLimits.sectionText - 600);
  const title = escapeMrkdwn(shorten(reminder.title, slackLimits.headerText));
  const when = slackDateTime(reminder.startsAt, reminder.timeZone);
  const text = `:alarm_clock: ${who ? `${who} ` : ''}*${title}* ${startsWords(reminder.minutesToStart)} ${when}.`;
  const join = linkButton('Join', reminder.joinUrl, 'join_meet_reminder');
  return {
    text: fallbackText(`${reminder.minutesToStart > 0 ? 'Starting soon' : 'Started'}: ${title} ${reminder.joinUrl}`),
    blocks: [mrkdwnSection(text, join)],
  };
}

/** `/meet upcoming`: each Meet for later, when, its code (for `/meet cancel`), Join. */
export function renderUpcoming(meets: UpcomingItem[]): SlackMessage {
  const blocks: Block[] = [header('Your Meets for later')];
  if (meets.length === 0) {
    blocks.push(
      context([
        `No Meets for later. Add a time to ${codeSpan('/meet')}, e.g. ${codeSpan('/meet "Sync" tomorrow 15:00')}.`,
      ]),
    );
  }
  for (const m of meets.slice(0, slackLimits.messageBlocks - 2)) {
    const when = slackSpan(new Date(m.schedule.startsAt), new Date(m.schedule.endsAt), m.schedule.timeZone);
    blocks.push(
      mrkdwnSection(
        `*${escapeMrkdwn(m.title)}*  ·  ${templateName(m.template)}\n:calendar: ${when}  ·  code ${codeSpan(m.code)}`,
        linkButton('Join', m.joinUrl, `upcoming_join_${m.code}`),
      ),
    );
  }
  if (meets.length > 0) blocks.push(context([`Cancel one with ${codeSpan('/meet cancel CODE')}.`]));
  return { text: fallbackText(`Your Meets for later: ${meets.length}`), blocks };
}
