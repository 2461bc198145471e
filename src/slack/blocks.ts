import type { MeetCreatedPrivate, MeetCreatedPublic, Reply, RoleLabel, ShownPerson } from '../core/reply-model';
import {
  type Block,
  context,
  fallbackText,
  header,
  joinWithin,
  linesSections,
  linkButton,
  mrkdwnSection,
  plainSection,
  type SlackMessage,
} from './block-kit';
import { codeSpan, escapeControl, escapeMrkdwn, mentionUser } from './escape';
import { shorten, slackLimits } from './limits';
import { renderConfigs, renderFeedback, renderHelp, renderUsage } from './report-blocks';

/** Block Kit renderings of the core's reply model. Every piece of user text is escaped here. */

const templateNames = { quick: 'Quick Meet', interview: 'Interview', meeting: 'Meeting', webcast: 'Webcast' } as const;

const plurals: Record<RoleLabel, string> = {
  Organizer: 'Organizers',
  Interviewer: 'Interviewers',
  Candidate: 'Candidates',
  Host: 'Hosts',
  'Co-host': 'Co-hosts',
  Participant: 'Participants',
  Guest: 'Guests',
};

/** A workspace user as a mention, an outsider as their (escaped) email. */
export function showPerson(person: ShownPerson): string {
  const mention = person.platform === 'slack' ? mentionUser(person.userId) : undefined;
  return mention ?? escapeMrkdwn(person.email ?? person.displayName);
}

/** The same words as the Teams card. */
const guestLines: Record<MeetCreatedPublic['guestAccess'], string> = {
  none: 'Only the people listed can join.',
  anyone: 'Anyone with the link can join as a guest.',
  passcode: 'Guests join with a passcode (sent privately to the creator).',
};

const privateMark = ':lock: *Only you can see this.*';

/** The channel message: title, Join button, participants by role, template. Never a passcode or a code. */
export function renderMeetCreatedPublic(meet: MeetCreatedPublic): SlackMessage {
  const title = meet.title || templateNames[meet.template];
  const facts: string[] = [templateNames[meet.template]];
  if (meet.durationMinutes) facts.push(`${meet.durationMinutes} min`);
  if (meet.configName) facts.push(escapeMrkdwn(meet.configName));
  const groups = meet.participants.filter((g) => g.people.length > 0);
  const lines = groups.map((g) => {
    const label = g.people.length === 1 ? g.label : plurals[g.label];
    return `*${label}:* ${joinWithin(g.people.map(showPerson), slackLimits.sectionText - 200)}`;
  });
  const join = linkButton('Join', meet.joinUrl, 'join_meet');
  const blocks: Block[] = [header(title), context([facts.join('  ·  ')])];
  // The Join button sits beside the people, the first thing read after the title.
  const people = linesSections(lines, slackLimits.messageBlocks - blocks.length - 1);
  if (people.length > 0 && join) (people[0] as { accessory?: unknown }).accessory = join;
  blocks.push(...(people.length > 0 ? people : [mrkdwnSection('Join the Meet:', join)]));
  blocks.push(context([guestLines[meet.guestAccess]]));
  return { text: fallbackText(`Meet: ${escapeMrkdwn(title)} ${meet.joinUrl}`), blocks };
}

/** Only for the creator: the Meet code and every passcode. */
export function renderMeetCreatedPrivate(meet: MeetCreatedPrivate): SlackMessage {
  const blocks: Block[] = [
    context([`${privateMark} The Meet code and passcodes of your new Meet.`]),
    mrkdwnSection(
      `*${escapeMrkdwn(shorten(meet.title || 'Meet', slackLimits.headerText))}*\nMeet code: ${codeSpan(meet.code)}`,
      linkButton('Join', meet.joinUrl, 'join_meet_private'),
    ),
  ];
  const lines = meet.passcodes.map((p) => `${codeSpan(p.passcode)}  ${showPerson(p.person)}`);
  if (meet.guestPasscode) lines.push(`${codeSpan(meet.guestPasscode)}  Guests (anyone who knows it)`);
  if (lines.length > 0) {
    blocks.push(mrkdwnSection('*Passcodes*: give each one only to its owner'));
    blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length - 1));
  }
  blocks.push(context(['Meet also emails each participant their invitation.']));
  return { text: fallbackText(`Your Meet is ready. Code: ${codeSpan(meet.code)}`), blocks };
}

/** A failure or a mistake, privately: what happened, what to do, the usage line, a reference id. */
export function renderError(reply: Extract<Reply, { kind: 'error' }>): SlackMessage {
  const blocks: Block[] = [mrkdwnSection(`:warning: *${escapeMrkdwn(reply.message)}*`)];
  if (reply.hint) blocks.push(plainSection(reply.hint));
  const extra: string[] = [];
  if (reply.usage) extra.push(`Usage: ${codeSpan(reply.usage)}`);
  if (reply.referenceId) extra.push(`Reference: ${codeSpan(reply.referenceId)}`);
  if (extra.length > 0) blocks.push(context(extra));
  return { text: fallbackText(escapeControl(reply.message)), blocks };
}

export function renderNotice(text: string): SlackMessage {
  return { text: fallbackText(escapeControl(text)), blocks: [plainSection(text)] };
}

/** Every reply that goes to one person (ephemeral). `meetCreated` renders its private part here. */
export function renderReply(reply: Reply): SlackMessage {
  switch (reply.kind) {
    case 'meetCreated':
      return renderMeetCreatedPrivate(reply.private);
    case 'usage':
      return renderUsage(reply);
    case 'feedback':
      return renderFeedback(reply);
    case 'configs':
      return renderConfigs(reply.configs);
    case 'help':
      return renderHelp(reply.intro, reply.entries);
    case 'notice':
      return renderNotice(reply.text);
    case 'error':
      return renderError(reply);
  }
}
