import { formatDuration, formatSpan } from '../core/formats';
import { groupPasscodes, guestPasscodeHandOut, passcodeHandOut } from '../core/passcode-words';
import type { MeetCreatedPrivate, MeetCreatedPublic, Reply, ShownPerson } from '../core/reply-model';
import { cancelledNote } from '../core/schedule-words';
import { statusWords } from '../core/status-words';
import { roleWords, templateName } from '../core/words';
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
import { renderMeetList } from './meet-list-blocks';
import { renderConfigs, renderFeedback, renderHelp, renderUsage } from './report-blocks';
import { calendarActions, renderUpcoming, scheduleLine } from './schedule-blocks';
import { statusLine } from './status-line';

/** Block Kit renderings of the core's reply model. Every piece of user text is escaped here. */

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

/** How the channel message is drawn beyond the Meet itself. */
export interface PublicRenderOptions {
  /** The zone of the time's fallback text (clients that cannot show each reader's own zone). */
  timeZone?: string;
  /** A Slack Call registered for the Meet: shown as Slack shows its own calls. */
  callId?: string;
}

/**
 * The channel message: title, what it is, who created it, when (a Meet for later, with calendar
 * buttons), Join, people by role, the link as text, and, once watched, where the Meet is in its
 * life (an ended or cancelled Meet has no Join). Never a secret.
 */
export function renderMeetCreatedPublic(meet: MeetCreatedPublic, options: PublicRenderOptions = {}): SlackMessage {
  const title = meet.title || templateName(meet.template);
  const cancelled = meet.cancelled === true;
  const ended = meet.status?.state === 'ended' || cancelled;
  const facts: string[] = [templateName(meet.template)];
  if (meet.durationMinutes) facts.push(formatDuration(meet.durationMinutes));
  if (meet.configName) facts.push(`Configuration: ${escapeMrkdwn(meet.configName)}`);
  facts.push(`created by ${showPerson(meet.createdBy)}`);
  const groups = meet.participants.filter((g) => g.people.length > 0);
  const lines = groups.map((g) => {
    const label = roleWords(g.label, g.people.length);
    return `*${label}:* ${joinWithin(g.people.map(showPerson), slackLimits.sectionText - 200)}`;
  });
  const join = ended ? undefined : linkButton('Join', meet.joinUrl, 'join_meet');
  const blocks: Block[] = [header(title), context([facts.join('  ·  ')])];
  if (cancelled) blocks.push(context([`:no_entry_sign: *${cancelledNote}*`]));
  else if (meet.schedule) blocks.push(context([scheduleLine(meet.schedule)]));
  if (meet.status && !cancelled) blocks.push(context([statusLine(meet.status, options.timeZone ?? 'UTC')]));
  if (options.callId) blocks.push({ type: 'call', call_id: options.callId } as unknown as Block);
  // The Join button sits beside the people, the first thing read after the title.
  const people = linesSections(lines, slackLimits.messageBlocks - blocks.length - 3);
  if (people.length > 0 && join) (people[0] as { accessory?: unknown }).accessory = join;
  if (people.length > 0) blocks.push(...people);
  else if (join) blocks.push(mrkdwnSection('Join the Meet:', join));
  // The link as text too: people copy it into calendars and emails.
  if (!ended) blocks.push(context([`${linkText(meet.joinUrl)}  ·  ${guestLines[meet.guestAccess]}`]));
  const calendar = meet.schedule && !ended ? calendarActions({ ...meet, title, schedule: meet.schedule }) : undefined;
  if (calendar) blocks.push(calendar);
  const state = cancelled ? ' (Cancelled)' : meet.status ? ` (${statusWords(meet.status).label})` : '';
  // Notifications show this text: the time in the organizer's zone (a token would show raw there).
  const when = meet.schedule
    ? `, ${formatSpan(new Date(meet.schedule.startsAt), new Date(meet.schedule.endsAt), meet.schedule.timeZone)}`
    : '';
  return {
    text: fallbackText(`Meet: ${escapeMrkdwn(title)}${when}${state}${ended ? '' : ` ${meet.joinUrl}`}`),
    blocks,
  };
}

/** Only for the creator: the Meet code, and the passcodes grouped by role with who gets them how. */
export function renderMeetCreatedPrivate(meet: MeetCreatedPrivate): SlackMessage {
  const blocks: Block[] = [
    context([
      `${privateMark} The Meet code and passcodes of your new Meet.`,
      ...(meet.schedule ? [scheduleLine({ ...meet.schedule, reminderMinutes: 0 })] : []),
    ]),
    mrkdwnSection(
      `*${escapeMrkdwn(shorten(meet.title || 'Meet', slackLimits.headerText))}*\nMeet code: ${codeSpan(meet.code)}  ·  ${linkText(meet.joinUrl)}`,
      linkButton('Join', meet.joinUrl, 'join_meet_private'),
    ),
  ];
  if (meet.passcodes.length > 0) {
    blocks.push(mrkdwnSection(`*Passcodes.* ${passcodeHandOut}`));
    const lines = groupPasscodes(meet.passcodes).flatMap(({ label, entries }) => [
      `*${label}*`,
      ...entries.map((p) => `${codeSpan(p.passcode)}  ${showPerson(p.person)}`),
    ]);
    blocks.push(...linesSections(lines, slackLimits.messageBlocks - blocks.length - 3));
  }
  if (meet.guestPasscode) {
    blocks.push(mrkdwnSection(`*Guest passcode:* ${codeSpan(meet.guestPasscode)}\n${guestPasscodeHandOut}`));
  }
  const calendar = meet.schedule ? calendarActions({ ...meet, schedule: meet.schedule }, '_private') : undefined;
  if (calendar) blocks.push(calendar);
  return { text: fallbackText(`Your Meet is ready. Code: ${codeSpan(meet.code)}`), blocks };
}

/** A URL as a link that shows itself, for copying. */
function linkText(url: string): string {
  return /^https?:\/\/[^\s<>|]+$/.test(url) ? `<${url}>` : escapeMrkdwn(url);
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

/** Our own words (never a user's), so mrkdwn: `/meet digest weekly` reads as code, not as backticks. */
export function renderNotice(text: string): SlackMessage {
  return { text: fallbackText(escapeControl(text)), blocks: [mrkdwnSection(escapeControl(text))] };
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
      return renderConfigs(reply.configs, reply.example);
    case 'help':
      return renderHelp(reply.intro, reply.entries);
    case 'meets':
      return renderMeetList(reply.meets, reply.timeZone);
    case 'upcoming':
      return renderUpcoming(reply.meets);
    case 'notice':
      return renderNotice(reply.text);
    case 'error':
      return renderError(reply);
  }
}
