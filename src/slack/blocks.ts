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
import { slackLimits } from './limits';
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

function guestLine(access: MeetCreatedPublic['guestAccess']): string | undefined {
  if (access === 'anyone') return 'Anyone with the link can join as a guest.';
  if (access === 'passcode') return 'Guests join with a passcode (sent privately to the creator).';
  return undefined;
}

/** The channel message: title, Join button, participants by role, template. Never a passcode or a code. */
export function renderMeetCreatedPublic(meet: MeetCreatedPublic): SlackMessage {
  const title = meet.title || templateNames[meet.template];
  const facts = [`*Template:* ${templateNames[meet.template]}`];
  if (meet.durationMinutes) facts.push(`*Length:* ${meet.durationMinutes} min`);
  if (meet.configName) facts.push(`*Configuration:* ${escapeMrkdwn(meet.configName)}`);
  const blocks: Block[] = [
    header(title),
    mrkdwnSection(facts.join('   '), linkButton('Join', meet.joinUrl, 'join_meet')),
  ];
  const groups = meet.participants.filter((g) => g.people.length > 0);
  const lines = groups.map((g) => {
    const label = g.people.length === 1 ? g.label : plurals[g.label];
    return `*${label}:* ${joinWithin(g.people.map(showPerson), slackLimits.sectionText - 200)}`;
  });
  blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length - 1));
  const guests = guestLine(meet.guestAccess);
  if (guests) blocks.push(context([guests]));
  return { text: fallbackText(`Meet: ${escapeMrkdwn(title)} ${meet.joinUrl}`), blocks };
}

/** Only for the creator: the Meet code and every passcode. */
export function renderMeetCreatedPrivate(meet: MeetCreatedPrivate): SlackMessage {
  const blocks: Block[] = [
    mrkdwnSection(
      `Your Meet *${escapeMrkdwn(meet.title || 'Meet')}* is ready. Code: ${codeSpan(meet.code)}`,
      linkButton('Join', meet.joinUrl, 'join_meet_private'),
    ),
  ];
  const lines = meet.passcodes.map((p) => `${showPerson(p.person)}: ${codeSpan(p.passcode)}`);
  if (meet.guestPasscode) lines.push(`Guests (anyone who knows it): ${codeSpan(meet.guestPasscode)}`);
  if (lines.length > 0) {
    blocks.push(mrkdwnSection('*Passcodes* (only you see this; pass each one on privately):'));
    blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length - 1));
  }
  blocks.push(context(['The Meet API emails each participant their invitation.']));
  return { text: fallbackText(`Your Meet is ready. Code: ${codeSpan(meet.code)}`), blocks };
}

/** A failure or a mistake, privately: what happened, what to do, the usage line, a reference id. */
export function renderError(reply: Extract<Reply, { kind: 'error' }>): SlackMessage {
  const blocks: Block[] = [mrkdwnSection(`:warning: ${escapeMrkdwn(reply.message)}`)];
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
