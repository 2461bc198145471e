import type { Template } from '../core/command';
import type {
  ConfigSummary,
  FeedbackSummary,
  HelpEntry,
  MeetCreatedPrivate,
  MeetCreatedPublic,
  RangeLabel,
  Reply,
  RoleLabel,
  ShownPerson,
  UsageSummary,
} from '../core/reply-model';
import { type AdaptiveCard, type CardElement, createCard, factSet, type MentionEntity, textBlock } from './card-types';
import { escapeInline, escapeMarkdown } from './escape';

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
      return reply.text;
    case 'error':
      return reply.message;
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

/** In Teams people type the text after `@Meet`, not `/meet`; inline code marks mean nothing in a TextBlock. */
export function teamsCommand(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replace(/(^|[\s"'(|])\/meet\b/g, '$1@Meet');
}

/** `5,432` / `3.4`: thousands separated, at most one decimal. */
function formatNumber(n: number, decimals = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** `★★★★☆` for a 1–5 rating, the number itself otherwise. */
function stars(rating: number): string {
  return Number.isInteger(rating) && rating >= 1 && rating <= 5
    ? `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}`
    : String(rating);
}

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

function rangeLine(range: RangeLabel, tenant?: string): string {
  const days = range.startDay === range.endDay ? range.startDay : `${range.startDay} to ${range.endDay}`;
  const who = tenant ? ` · tenant ${escapeInline(tenant)}` : '';
  return `${escapeInline(range.label)} · ${days} · ${escapeInline(range.timeZone)}${who}`;
}

function renderUsageCard(range: RangeLabel, s: UsageSummary, tenant?: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`Usage: ${escapeInline(range.label)}`, { size: 'Large', weight: 'Bolder' }),
    textBlock(rangeLine(range, tenant), { isSubtle: true, spacing: 'None' }),
  ];
  if (s.meetCount === 0) {
    body.push(textBlock('No Meets in this period. Try a longer one, e.g. @Meet usage 30d.'));
    return createCard(body);
  }
  const facts = [
    { title: 'Meets', value: formatNumber(s.meetCount) },
    { title: 'Average participants', value: formatNumber(s.averageParticipants) },
    { title: 'Total minutes', value: formatNumber(s.totalMinutes, 0) },
    { title: 'Billable minutes', value: formatNumber(s.billableMinutes, 0) },
    { title: 'Free Meets', value: formatNumber(s.freeCount) },
    {
      title: 'Subscription',
      value: `${formatNumber(s.coveredCount)} covered, ${formatNumber(s.chargedCount)} charged`,
    },
  ];
  if (s.busiestDay) {
    facts.push({ title: 'Busiest day', value: `${s.busiestDay.date} (${formatNumber(s.busiestDay.meetCount)} Meets)` });
  }
  body.push(factSet(facts));
  if (s.longest.length > 0) {
    body.push(textBlock('Longest Meets', { weight: 'Bolder', separator: true }));
    for (const [i, m] of s.longest.entries()) {
      const line = `${i + 1}. ${escapeInline(m.title || 'Untitled Meet')} · ${formatNumber(m.minutes, 0)} min · ${m.date}`;
      body.push(textBlock(line, { spacing: 'None' }));
    }
  }
  return createCard(body);
}

function renderFeedbackCard(range: RangeLabel, s: FeedbackSummary, tenant?: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`Feedback: ${escapeInline(range.label)}`, { size: 'Large', weight: 'Bolder' }),
    textBlock(rangeLine(range, tenant), { isSubtle: true, spacing: 'None' }),
  ];
  if (s.count === 0 || s.averageRating === undefined) {
    body.push(textBlock('No feedback in this period. Try a longer one, e.g. @Meet feedback 30d.'));
    return createCard(body);
  }
  body.push(
    factSet([
      { title: 'Responses', value: formatNumber(s.count) },
      { title: 'Average rating', value: `${formatNumber(s.averageRating)} of 5` },
    ]),
  );
  if (s.distribution.length > 0) {
    body.push(textBlock('Ratings', { weight: 'Bolder', separator: true }));
    body.push(factSet(s.distribution.map((d) => ({ title: stars(d.rating), value: formatNumber(d.count) }))));
  }
  if (s.lowest.length > 0) {
    body.push(textBlock('Lowest rated, with comments', { weight: 'Bolder', separator: true }));
    for (const f of s.lowest) {
      body.push(textBlock(`${stars(f.rating)} ${f.date}`, { size: 'Small', isSubtle: true }));
      body.push(textBlock(`“${escapeInline(f.text)}”`, { spacing: 'None' }));
    }
  }
  return createCard(body);
}

function renderConfigsCard(configs: ConfigSummary[]): AdaptiveCard {
  const body: CardElement[] = [textBlock('Addon configurations', { size: 'Large', weight: 'Bolder' })];
  if (configs.length === 0) {
    body.push(textBlock("There are no addon configurations yet: Meets get Meet's default addons."));
  }
  for (const c of configs) {
    const items: CardElement[] = [
      textBlock(`${escapeInline(c.name)}${c.isDefault ? ' (default)' : ''}`, { weight: 'Bolder' }),
    ];
    if (c.description) items.push(textBlock(escapeMarkdown(c.description), { spacing: 'None' }));
    const addons = c.addons.length > 0 ? c.addons.map(escapeInline).join(', ') : 'no addons';
    items.push(textBlock(`${addons} · id ${escapeInline(c.id)}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    body.push({ type: 'Container', separator: true, items });
  }
  if (configs.length > 0) {
    body.push(textBlock('Use one with config:NAME, e.g. @Meet interview config:Coding.', { isSubtle: true }));
  }
  return createCard(body);
}

function renderHelpCard(intro: string, entries: HelpEntry[]): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('How to use @Meet', { size: 'Large', weight: 'Bolder' }),
    textBlock(escapeMarkdown(teamsCommand(intro)), { spacing: 'Small' }),
  ];
  for (const e of entries) {
    const items: CardElement[] = [
      textBlock(escapeInline(teamsCommand(e.usage)), { fontType: 'Monospace', weight: 'Bolder' }),
      textBlock(escapeMarkdown(teamsCommand(e.description)), { spacing: 'None' }),
    ];
    if (e.example) {
      items.push(textBlock(`Example: ${escapeInline(teamsCommand(e.example))}`, { isSubtle: true, spacing: 'None' }));
    }
    body.push({ type: 'Container', separator: true, items });
  }
  return createCard(body);
}

function renderErrorCard(reply: Extract<Reply, { kind: 'error' }>): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`⚠️ ${escapeMarkdown(reply.message)}`, { color: 'Attention', weight: 'Bolder' }),
  ];
  if (reply.hint) body.push(textBlock(escapeMarkdown(teamsCommand(reply.hint))));
  if (reply.usage) {
    body.push(
      textBlock(`Usage: ${escapeInline(teamsCommand(reply.usage))}`, { fontType: 'Monospace', isSubtle: true }),
    );
  }
  if (reply.referenceId) {
    body.push(textBlock(`Reference: ${escapeInline(reply.referenceId)}`, { size: 'Small', isSubtle: true }));
  }
  return createCard(body);
}
