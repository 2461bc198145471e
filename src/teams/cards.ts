import { formatDuration } from '../core/formats';
import { groupPasscodes, guestPasscodeHandOut, passcodeHandOut } from '../core/passcode-words';
import type { MeetCreatedPrivate, MeetCreatedPublic, Reply, ShownPerson } from '../core/reply-model';
import { cancelledNote } from '../core/schedule-words';
import { roleWords, templateName } from '../core/words';
import { type AdaptiveCard, type CardElement, createCard, factSet, type MentionEntity, textBlock } from './card-types';
import { escapeInline, escapeMarkdown, teamsCommand } from './escape';
import { renderMeetListCard } from './meet-list-card';
import {
  renderConfigsCard,
  renderErrorCard,
  renderFeedbackCard,
  renderHelpCard,
  renderUsageCard,
} from './report-cards';
import { calendarActions, renderUpcomingCard, scheduleLine, scheduleSummary } from './schedule-cards';
import { statusLine } from './status-line';

/**
 * Every reply of the bot as an Adaptive Card (v1.5, what Teams renders everywhere). Text that
 * people typed is escaped here; numbers and our own words are not.
 */
export function renderReplyCard(reply: Reply): AdaptiveCard {
  switch (reply.kind) {
    case 'meetCreated':
      return renderMeetCreatedCard(reply.public);
    case 'usage':
      return renderUsageCard(reply.range, reply.summary, reply.tenant);
    case 'feedback':
      return renderFeedbackCard(reply.range, reply.summary, reply.tenant);
    case 'configs':
      return renderConfigsCard(reply.configs, reply.example);
    case 'help':
      return renderHelpCard(reply.intro, reply.entries);
    case 'meets':
      return renderMeetListCard(reply.meets);
    case 'upcoming':
      return renderUpcomingCard(reply.meets);
    case 'notice':
      return createCard([textBlock(escapeMarkdown(teamsCommand(reply.text)))]);
    case 'error':
      return renderErrorCard(reply);
  }
}

/** A short plain-text line for notifications and clients that cannot show cards. */
export function summarizeReply(reply: Reply): string {
  switch (reply.kind) {
    case 'meetCreated':
      return meetSummary(reply.public);
    case 'usage':
      return `Usage, ${reply.range.label}: ${reply.summary.meetCount} Meets`;
    case 'feedback':
      return `Feedback, ${reply.range.label}: ${reply.summary.count} ratings`;
    case 'configs':
      return `${reply.configs.length} addon configurations`;
    case 'help':
      return 'How to use @Meet';
    case 'meets':
      return `Your Meets today: ${reply.meets.length}`;
    case 'upcoming':
      return `Your Meets for later: ${reply.meets.length}`;
    case 'notice':
      return teamsCommand(reply.text);
    case 'error':
      return teamsCommand(reply.message);
  }
}

/** The notification line of a Meet's card; a Meet for later's time in the organizer's zone. */
export function meetSummary(meet: MeetCreatedPublic, prefix = 'Meet created'): string {
  return `${prefix}: ${meet.title}${meet.schedule ? `, ${scheduleSummary(meet.schedule)}` : ''}`;
}

const guestLines = {
  none: 'Only the people listed can join.',
  anyone: 'Anyone with the link can join as a guest.',
  passcode: 'Guests join with a passcode (sent privately to the creator).',
} as const;

/**
 * The channel's card: title, what it is, who created it, when (a Meet for later, with calendar
 * actions), people by role (as mentions), the link, Join, and, once watched, where the Meet is in
 * its life (an ended or cancelled Meet has no Join).
 */
export function renderMeetCreatedCard(meet: MeetCreatedPublic): AdaptiveCard {
  const entities: MentionEntity[] = [];
  const cancelled = meet.cancelled === true;
  const ended = meet.status?.state === 'ended' || cancelled;
  const details = [templateName(meet.template)];
  if (meet.durationMinutes) details.push(formatDuration(meet.durationMinutes));
  if (meet.configName) details.push(`Configuration: ${escapeInline(meet.configName)}`);
  details.push(`created by ${showPerson(meet.createdBy, entities)}`);
  const body: CardElement[] = [
    textBlock(escapeInline(meet.title), { size: 'Large', weight: 'Bolder' }),
    textBlock(details.join(' · '), { isSubtle: true, spacing: 'None' }),
  ];
  if (cancelled) body.push(textBlock(`🚫 **${cancelledNote}**`, { spacing: 'Small' }));
  else if (meet.schedule) body.push(textBlock(scheduleLine(meet.schedule), { spacing: 'Small' }));
  if (meet.status && !cancelled) body.push(textBlock(statusLine(meet.status), { spacing: 'Small' }));
  const facts = meet.participants.map((group) => ({
    title: roleWords(group.label, group.people.length),
    value: group.people.map((p) => showPerson(p, entities)).join(', '),
  }));
  if (facts.length > 0) body.push(factSet(facts));
  if (!ended) {
    // The link as text too: people copy it into calendars and emails.
    body.push(textBlock(linkText(meet.joinUrl), { size: 'Small' }));
    body.push(textBlock(guestLines[meet.guestAccess], { isSubtle: true, size: 'Small', spacing: 'None' }));
  }
  const actions: CardElement[] = ended
    ? []
    : [{ type: 'Action.OpenUrl', title: 'Join', url: meet.joinUrl, style: 'positive' }];
  if (meet.schedule && !ended) actions.push(...calendarActions({ ...meet, schedule: meet.schedule }));
  return createCard(body, actions, entities);
}

/** Only for the person who created the Meet: the Meet code, and the passcodes grouped by role. */
export function renderMeetPrivateCard(meet: MeetCreatedPrivate): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('🔒 Only you can see this', { size: 'Small', weight: 'Bolder', color: 'Accent' }),
    textBlock(escapeInline(meet.title), { size: 'Medium', weight: 'Bolder', spacing: 'Small' }),
    ...(meet.schedule ? [textBlock(scheduleLine({ ...meet.schedule, reminderMinutes: 0 }), { spacing: 'Small' })] : []),
    factSet([{ title: 'Meet code', value: escapeInline(meet.code) }]),
    textBlock(linkText(meet.joinUrl), { size: 'Small', spacing: 'None' }),
  ];
  if (meet.passcodes.length > 0) {
    body.push(textBlock('Passcodes', { weight: 'Bolder', separator: true }));
    body.push(textBlock(passcodeHandOut, { size: 'Small', isSubtle: true, spacing: 'None' }));
    for (const group of groupPasscodes(meet.passcodes)) {
      body.push(textBlock(group.label, { weight: 'Bolder', size: 'Small', spacing: 'Small' }));
      body.push(...group.entries.map((p) => passcodeRow(personLabel(p.person), p.passcode)));
    }
  }
  if (meet.guestPasscode) {
    body.push(textBlock('Guest passcode', { weight: 'Bolder', separator: true }));
    body.push(passcodeRow('Guests', meet.guestPasscode));
    body.push(textBlock(guestPasscodeHandOut, { size: 'Small', isSubtle: true, spacing: 'None' }));
  }
  const calendar = meet.schedule ? calendarActions({ ...meet, schedule: meet.schedule }) : [];
  return createCard(body, [
    { type: 'Action.OpenUrl', title: 'Join', url: meet.joinUrl, style: 'positive' },
    ...calendar,
  ]);
}

/** A URL as a Markdown link that shows itself, for copying. */
function linkText(url: string): string {
  return /^https?:\/\/[^\s()[\]<>]+$/.test(url) ? `[${url.replace(/[\\[\]]/g, '')}](${url})` : escapeInline(url);
}

/** The passcode first, in a fixed-width column, so a list of them lines up. */
function passcodeRow(who: string, passcode: string): CardElement {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: 'auto',
        items: [textBlock(escapeInline(passcode), { fontType: 'Monospace', weight: 'Bolder' })],
      },
      { type: 'Column', width: 'stretch', items: [textBlock(who)] },
    ],
  };
}

export function showPerson(person: ShownPerson, entities: MentionEntity[]): string {
  if (person.platform === 'teams' && person.userId) {
    const name = person.displayName.replace(/[<>]/g, '').trim() || 'someone';
    const text = `<at>${name}</at>`;
    if (!entities.some((e) => e.text === text && e.mentioned.id === person.userId)) {
      entities.push({ type: 'mention', text, mentioned: { id: person.userId, name } });
    }
    return text;
  }
  return escapeInline(person.email ?? person.displayName);
}

function personLabel(person: ShownPerson): string {
  const name = person.displayName.trim();
  const withEmail = person.email && person.email.toLowerCase() !== name.toLowerCase() && name;
  return escapeInline(withEmail ? `${name} (${person.email})` : name || (person.email ?? ''));
}
