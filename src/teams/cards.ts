import type { Template } from '../core/command';
import type {
  ConfigSummary,
  FeedbackSummary,
  HelpEntry,
  MeetCreatedPrivate,
  MeetCreatedPublic,
  RangeLabel,
  Reply,
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
      return createCard([textBlock(escapeMarkdown(reply.text))]);
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
      return 'How to use Meet';
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

const guestLines = {
  none: 'Only the people listed can join.',
  anyone: 'Anyone with the link can join as a guest.',
  passcode: 'Guests can join with a passcode.',
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
    title: group.label,
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
    textBlock('Only you can see this', { size: 'Small', isSubtle: true }),
    textBlock(escapeInline(meet.title), { size: 'Medium', weight: 'Bolder', spacing: 'None' }),
    factSet([{ title: 'Meet code', value: escapeInline(meet.code) }]),
  ];
  const facts = meet.passcodes.map((p) => ({ title: personLabel(p.person), value: escapeInline(p.passcode) }));
  if (meet.guestPasscode) facts.push({ title: 'Guests', value: escapeInline(meet.guestPasscode) });
  if (facts.length > 0) {
    body.push(textBlock('Passcodes (the Meet invitation emails them too; share them only with their owners):'));
    body.push(factSet(facts));
  }
  return createCard(body, [{ type: 'Action.OpenUrl', title: 'Join', url: meet.joinUrl }]);
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
  return escapeInline(person.email ? `${person.displayName} (${person.email})` : person.displayName);
}

function rangeLine(range: RangeLabel, tenant?: string): string {
  const days = range.startDay === range.endDay ? range.startDay : `${range.startDay} to ${range.endDay}`;
  const who = tenant ? ` · tenant ${escapeInline(tenant)}` : '';
  return `${escapeInline(range.label)} (${days}, ${escapeInline(range.timeZone)})${who}`;
}

function renderUsageCard(range: RangeLabel, s: UsageSummary, tenant?: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('Meet usage', { size: 'Large', weight: 'Bolder' }),
    textBlock(rangeLine(range, tenant), { isSubtle: true, spacing: 'None' }),
  ];
  if (s.meetCount === 0) {
    body.push(textBlock('No Meets in this period.'));
    return createCard(body);
  }
  const facts = [
    { title: 'Meets', value: String(s.meetCount) },
    { title: 'Total minutes', value: String(s.totalMinutes) },
    { title: 'Billable minutes', value: String(s.billableMinutes) },
    { title: 'Free / covered / charged', value: `${s.freeCount} / ${s.coveredCount} / ${s.chargedCount}` },
    { title: 'Average participants', value: s.averageParticipants.toFixed(1) },
  ];
  if (s.busiestDay)
    facts.push({ title: 'Busiest day', value: `${s.busiestDay.date} (${s.busiestDay.meetCount} Meets)` });
  body.push(factSet(facts));
  if (s.longest.length > 0) {
    body.push(textBlock('Longest Meets', { weight: 'Bolder' }));
    body.push(
      factSet(
        s.longest.map((m) => ({ title: `${m.minutes} min`, value: `${escapeInline(m.title || m.code)}, ${m.date}` })),
      ),
    );
  }
  return createCard(body);
}

function renderFeedbackCard(range: RangeLabel, s: FeedbackSummary, tenant?: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('Meet feedback', { size: 'Large', weight: 'Bolder' }),
    textBlock(rangeLine(range, tenant), { isSubtle: true, spacing: 'None' }),
  ];
  if (s.count === 0 || s.averageRating === undefined) {
    body.push(textBlock('No feedback in this period.'));
    return createCard(body);
  }
  body.push(
    factSet([
      { title: 'Ratings', value: String(s.count) },
      { title: 'Average', value: s.averageRating.toFixed(1) },
      ...s.distribution.map((d) => ({ title: `Rated ${d.rating}`, value: String(d.count) })),
    ]),
  );
  if (s.lowest.length > 0) {
    body.push(textBlock('Lowest rated', { weight: 'Bolder' }));
    for (const f of s.lowest) body.push(textBlock(`${f.rating} · ${f.date}: ${escapeInline(f.text)}`));
  }
  return createCard(body);
}

function renderConfigsCard(configs: ConfigSummary[]): AdaptiveCard {
  const body: CardElement[] = [textBlock('Addon configurations', { size: 'Large', weight: 'Bolder' })];
  if (configs.length === 0) body.push(textBlock('Meet lists no addon configurations.'));
  for (const c of configs) {
    const items: CardElement[] = [
      textBlock(`${escapeInline(c.name)}${c.isDefault ? ' (default)' : ''}`, { weight: 'Bolder' }),
    ];
    if (c.description) items.push(textBlock(escapeMarkdown(c.description), { spacing: 'None' }));
    const addons = c.addons.length > 0 ? c.addons.map(escapeInline).join(', ') : 'no addons';
    items.push(textBlock(`${addons} · id ${escapeInline(c.id)}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    body.push({ type: 'Container', separator: true, items });
  }
  return createCard(body);
}

function renderHelpCard(intro: string, entries: HelpEntry[]): AdaptiveCard {
  const body: CardElement[] = [textBlock(escapeMarkdown(intro))];
  for (const e of entries) {
    const items: CardElement[] = [
      textBlock(escapeInline(e.usage), { fontType: 'Monospace', weight: 'Bolder' }),
      textBlock(escapeMarkdown(e.description), { spacing: 'None' }),
    ];
    if (e.example) {
      items.push(textBlock(`Example: ${escapeInline(e.example)}`, { isSubtle: true, spacing: 'None' }));
    }
    body.push({ type: 'Container', separator: true, items });
  }
  return createCard(body);
}

function renderErrorCard(reply: Extract<Reply, { kind: 'error' }>): AdaptiveCard {
  const body: CardElement[] = [textBlock(escapeMarkdown(reply.message), { color: 'Attention', weight: 'Bolder' })];
  if (reply.hint) body.push(textBlock(escapeMarkdown(reply.hint)));
  if (reply.usage) body.push(textBlock(escapeInline(reply.usage), { fontType: 'Monospace', isSubtle: true }));
  if (reply.referenceId) {
    body.push(textBlock(`Reference: ${escapeInline(reply.referenceId)}`, { size: 'Small', isSubtle: true }));
  }
  return createCard(body);
}
