import type { AddonConfiguration, Meeting, Role } from '../meet/schemas';
import type { Platform, Template } from './command';
import type { UserError } from './errors';
import type { MeetingPlan, ResolvedPerson, RosterEntry } from './people';
import type {
  ConfigSummary,
  FeedbackSummary,
  HelpEntry,
  MeetCreatedPublic,
  RangeLabel,
  Reply,
  RoleLabel,
  ShownPerson,
  UsageSummary,
} from './reply-model';
import { capText, meetTitleMaxChars } from './text-caps';
import { helpEntries, usageLines } from './usage-lines';

/** Addon identifiers of `GET /v1/addonConfigurations` → what people call them. */
export const addonNames: Readonly<Record<string, string>> = {
  monaco: 'code editor',
  rnto: 'whiteboard',
  orpheus: 'chat',
  roster: 'participant roster',
  twilio: 'calling',
};

const roleOrder: Role[] = ['Admin', 'PowerUser', 'User', 'Guest'];

/** What a role is called in a template; in a webcast the creator is the host and other power users co-hosts. */
export function labelRole(template: Template, role: Role, isTypist: boolean): RoleLabel {
  if (role === 'Guest') return 'Guest';
  if (role === 'Admin') return 'Organizer';
  if (template === 'interview') return role === 'PowerUser' ? 'Interviewer' : 'Candidate';
  if (template === 'webcast') return role === 'PowerUser' ? (isTypist ? 'Host' : 'Co-host') : 'Participant';
  return role === 'PowerUser' ? 'Co-host' : 'Participant';
}

/** Publicly a workspace user is shown by id (a mention), an outsider by email. */
function showPerson(person: ResolvedPerson, withEmail: boolean): ShownPerson {
  const shown: ShownPerson = { displayName: person.displayName, platform: person.platform };
  if (person.userId && person.source === 'workspace') shown.userId = person.userId;
  if (person.email && (withEmail || !shown.userId)) shown.email = person.email;
  return shown;
}

function groupParticipants(template: Template, roster: RosterEntry[]): MeetCreatedPublic['participants'] {
  const groups: MeetCreatedPublic['participants'] = [];
  const sorted = [...roster].sort(
    (a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || Number(b.isTypist) - Number(a.isTypist),
  );
  for (const entry of sorted) {
    const label = labelRole(template, entry.role, entry.isTypist);
    let group = groups.find((g) => g.label === label && g.role === entry.role);
    if (!group) {
      group = { label, role: entry.role, people: [] };
      groups.push(group);
    }
    group.people.push(showPerson(entry.person, false));
  }
  return groups;
}

/** The reply to a created Meet: passcodes go only into the private part, for the creator. */
export function buildMeetCreatedReply(plan: MeetingPlan, meeting: Meeting): Reply {
  const title = capText(meeting.title || plan.request.title || `Meet ${meeting.code}`, meetTitleMaxChars);
  const shown: MeetCreatedPublic = {
    title,
    joinUrl: meeting.joinUrl,
    template: plan.template,
    createdBy: showPerson(plan.creator, false),
    participants: groupParticipants(plan.template, plan.roster),
    guestAccess: plan.guestAccess,
  };
  const duration = plan.request.schedulingInfo?.duration;
  if (duration !== undefined) shown.durationMinutes = duration;
  // "Interview · Interview" says nothing: a configuration named like the template is left out.
  if (plan.config && plan.config.name.trim().toLowerCase() !== plan.template) shown.configName = plan.config.name;
  const passcodes = plan.roster
    .filter((e): e is RosterEntry & { passcode: string } => e.passcode !== undefined)
    .map((e) => ({
      person: showPerson(e.person, true),
      label: labelRole(plan.template, e.role, e.isTypist),
      passcode: e.passcode,
    }));
  const hidden: Extract<Reply, { kind: 'meetCreated' }>['private'] = {
    code: meeting.code,
    joinUrl: meeting.joinUrl,
    title,
    passcodes,
  };
  if (plan.guestPasscode !== undefined) hidden.guestPasscode = plan.guestPasscode;
  return { kind: 'meetCreated', public: shown, private: hidden };
}

export function buildUsageReply(input: { range: RangeLabel; tenant?: string; summary: UsageSummary }): Reply {
  const reply: Reply = { kind: 'usage', range: input.range, summary: input.summary };
  if (input.tenant) reply.tenant = input.tenant;
  return reply;
}

export function buildFeedbackReply(input: { range: RangeLabel; tenant?: string; summary: FeedbackSummary }): Reply {
  const reply: Reply = { kind: 'feedback', range: input.range, summary: input.summary };
  if (input.tenant) reply.tenant = input.tenant;
  return reply;
}

/** Addon configurations, the default first, then by name; unknown addons keep their identifier. */
export function buildConfigsReply(configs: AddonConfiguration[]): Reply {
  const summaries = configs.map((c): ConfigSummary => {
    const summary: ConfigSummary = {
      id: c.id,
      name: c.name,
      isDefault: c.isDefault ?? false,
      addons: (c.items ?? []).map((item) => addonNames[item.identifier.toLowerCase()] ?? item.identifier),
    };
    if (c.description) summary.description = c.description;
    return summary;
  });
  summaries.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
  const reply: Reply = { kind: 'configs', configs: summaries };
  // An example that works as typed: a configuration this tenant has (the default needs no option).
  const pick = summaries.find((c) => !c.isDefault && c.name.trim()) ?? summaries[0];
  if (pick?.name.trim())
    reply.example = `config:${/\s/.test(pick.name.trim()) ? `"${pick.name.trim()}"` : pick.name.trim()}`;
  return reply;
}

const helpIntros: Record<Platform, string> = {
  slack: 'meetbot creates Meets and reports on them. Without anything else, `/meet` creates a quick Meet.',
  cli: 'meetbot creates Meets and reports on them. Without anything else, `/meet` creates a quick Meet.',
  teams:
    'meetbot creates Meets and reports on them. In a channel or group chat, mention me first: `@Meet help`; in our 1:1 chat just type `help`. `@Meet` with nothing else creates a quick Meet.',
};

/**
 * Help; `entries` defaults to every form (`selectHelpEntries(topic)` narrows it). The intro says
 * how to call the bot where the reply is shown (Slack's `/meet` unless `platform` says otherwise).
 */
export function buildHelpReply(entries: HelpEntry[] = helpEntries, platform: Platform = 'slack'): Reply {
  const shown = platform === 'teams' ? entries.map(inTeams) : entries;
  return { kind: 'help', intro: helpIntros[platform], entries: shown };
}

/** Teams has no modal a bot command can open: `new` says where the form is (the message extension). */
function inTeams(entry: HelpEntry): HelpEntry {
  if (entry.usage !== usageLines.new) return entry;
  return {
    ...entry,
    description: 'Where the Create-a-Meet form is: "Create a Meet" under the box where you type (the + or … button).',
  };
}

/** A mistake in what someone typed or filled in: said back to them, privately. */
export function buildUserErrorReply(error: UserError): Reply {
  const reply: Reply = { kind: 'error', message: error.message, retryable: false };
  if (error.usage) reply.usage = error.usage;
  return reply;
}
