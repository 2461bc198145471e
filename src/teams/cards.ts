import type { Template } from '../core/command';
import type { MeetCreatedPrivate, MeetCreatedPublic, Reply, RoleLabel, ShownPerson } from '../core/reply-model';
import { type AdaptiveCard, type CardElement, createCard, factSet, type MentionEntity, textBlock } from './card-types';
import { escapeInline, escapeMarkdown, teamsCommand } from './escape';
import {
  renderConfigsCard,
  renderErrorCard,
  renderFeedbackCard,
  renderHelpCard,
  renderUsageCard,
} from './report-cards';

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
      return renderConfigsCard(reply.configs);
    case 'help':
      return renderHelpCard(reply.intro, reply.entries);
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
      return `Meet created: ${reply.public.title}`;
    case 'usage':
      return `Usage, ${reply.range.label}: ${reply.summary.meetCount} Meets`;
    case 'feedback':
      return `Feedback, ${reply.range.label}: ${reply.summary.count} ratings`;
    case 'configs':
      return `${reply.configs.length} addon configurations`;
    case 'help':
      return 'How to use @Meet';
    case 'notice':
      return teamsCommand(reply.text);
    case 'error':
      return teamsCommand(reply.message);
  }
}

const templateNames: Record<Template, string> = {
  quick: 'Quick Meet',
  interview: 'Interview',
  meeting: 'Meeting',
  webcast: 'Webcast',
};

const plurals: Record<RoleLabel, string> = {
  Organizer: 'Organizers',
  Interviewer: 'Interviewers',
  Candidate: 'Candidates',
  Host: 'Hosts',
  'Co-host': 'Co-hosts',
  Participant: 'Participants',
  Guest: 'Guests',
};

const guestLines = {
  none: 'Only the people listed can join.',
  anyone: 'Anyone with the link can join as a guest.',
  passcode: 'Guests join with a passcode (sent privately to the creator).',
} as const;

/** The channel's card: title, Join button, participants by role (as mentions), template. */
export function renderMeetCreatedCard(meet: MeetCreatedPublic): AdaptiveCard {
  const entities: MentionEntity[] = [];
  const details = [templateNames[meet.template]];
  if (meet.durationMinutes) details.push(`${meet.durationMinutes} min`);
  if (meet.configName) details.push(escapeInline(meet.configName));
  const body: CardElement[] = [
    textBlock(escapeInline(meet.title), { size: 'Large', weight: 'Bolder' }),
    textBlock(details.join(' · '), { isSubtle: true, spacing: 'None' }),
  ];
  const facts = meet.participants.map((group) => ({
    title: group.people.length === 1 ? group.label : plurals[group.label],
    value: group.people.map((p) => showPerson(p, entities)).join(', '),
  }));
  if (facts.length > 0) body.push(factSet(facts));
  body.push(textBlock(guestLines[meet.guestAccess], { isSubtle: true, size: 'Small' }));
  const actions = [{ type: 'Action.OpenUrl', title: 'Join', url: meet.joinUrl, style: 'positive' }];
  return createCard(body, actions, entities);
}

/** Only for the person who created the Meet: the Meet code and the passcodes. */
export function renderMeetPrivateCard(meet: MeetCreatedPrivate): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('🔒 Only you can see this', { size: 'Small', weight: 'Bolder', color: 'Accent' }),
    textBlock(escapeInline(meet.title), { size: 'Medium', weight: 'Bolder', spacing: 'Small' }),
    factSet([{ title: 'Meet code', value: escapeInline(meet.code) }]),
  ];
  const rows = meet.passcodes.map((p) => passcodeRow(personLabel(p.person), p.passcode));
  if (meet.guestPasscode) rows.push(passcodeRow('Guests (anyone who knows it)', meet.guestPasscode));
  if (rows.length > 0) {
    body.push(textBlock('Passcodes: give each one only to its owner', { weight: 'Bolder', separator: true }));
    body.push(...rows);
  }
  body.push(textBlock('Meet also emails each participant their invitation.', { size: 'Small', isSubtle: true }));
  return createCard(body, [{ type: 'Action.OpenUrl', title: 'Join', url: meet.joinUrl, style: 'positive' }]);
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

function showPerson(person: ShownPerson, entities: MentionEntity[]): string {
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
