import type { AddonConfiguration, CreateMeetingRequest } from '../meet/schemas';
import { isOpenQuickMeet, planParticipants } from './access-rules';
import type { Template } from './command';
import type { Result } from './errors';
import type { MeetingPlan, PlanInput, ResolvedPerson, RosterEntry } from './people';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxTitle = 500;
const maxDescription = 4000;

/** `config:NAME` or `config:GUID` → the addon configuration to send. */
export function matchAddonConfiguration(
  typed: string,
  configs: AddonConfiguration[],
): Result<{ id: string; name: string }> {
  const wanted = typed.trim();
  const lower = wanted.toLowerCase();
  const byId = configs.find((c) => c.id.toLowerCase() === lower);
  if (byId) return { ok: true, value: { id: byId.id, name: byId.name } };
  // An id we were not shown (another tenant's, or a list we did not fetch) still goes through: the API decides.
  if (guidPattern.test(wanted)) return { ok: true, value: { id: wanted, name: wanted } };
  const byName = configs.filter((c) => c.name.trim().toLowerCase() === lower);
  if (byName.length === 1) return { ok: true, value: { id: byName[0].id, name: byName[0].name } };
  const token = `config:${typed}`;
  if (configs.length === 0) {
    return {
      ok: false,
      error: {
        message: `There is no addon configuration called "${wanted}": Meet lists none.`,
        token,
        field: 'config',
      },
    };
  }
  if (byName.length > 1) {
    const choices = byName.map((c) => `${c.name} (${c.id})`).join(', ');
    return {
      ok: false,
      error: {
        message: `"${wanted}" names ${byName.length} addon configurations; use the id of one: ${choices}.`,
        token,
        field: 'config',
      },
    };
  }
  const choices = configs.map((c) => c.name).join(', ');
  return {
    ok: false,
    error: {
      message: `There is no addon configuration called "${wanted}". Choose one of: ${choices}.`,
      token,
      field: 'config',
    },
  };
}

function nameOf(person: ResolvedPerson): string {
  const full = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return full || person.displayName || person.email || 'someone';
}

function listNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names[0]} and ${names.length - 1} others`;
}

/** A title for a Meet whose creator gave none, so it is recognisable in the Meet app and in usage reports. */
export function defaultTitle(template: Template, roster: RosterEntry[]): string {
  const typist = roster.find((e) => e.isTypist);
  const owner = typist ? nameOf(typist.person) : undefined;
  if (template === 'interview') {
    const candidates = roster.filter((e) => e.role === 'User').map((e) => nameOf(e.person));
    return `Interview with ${listNames(candidates)}`;
  }
  const kind = template === 'webcast' ? 'Webcast' : 'Meeting';
  return owner ? `${kind} by ${owner}` : kind;
}

/** A create command with resolved people → the `POST /v1/meetings` body and what the reply needs. */
export function planMeeting(input: PlanInput): Result<MeetingPlan> {
  const { command } = input;
  const title = command.title?.trim() ? command.title : undefined;
  if (title && title.length > maxTitle) {
    return { ok: false, error: { message: `The title is longer than ${maxTitle} characters.`, field: 'title' } };
  }
  const description = command.description?.trim() ? command.description : undefined;
  if (description && description.length > maxDescription) {
    return {
      ok: false,
      error: { message: `The description is longer than ${maxDescription} characters.`, field: 'description' },
    };
  }
  const duration = command.durationMinutes;
  if (duration !== undefined && !(Number.isInteger(duration) && duration >= 1 && duration <= 1440)) {
    return {
      ok: false,
      error: { message: 'A Meet lasts from 1 minute to 24 hours, e.g. 45m or 1h30m.', field: 'duration' },
    };
  }
  let config: MeetingPlan['config'];
  if (command.config !== undefined) {
    const matched = matchAddonConfiguration(command.config, input.addonConfigurations);
    if (!matched.ok) return matched;
    config = matched.value;
  }
  const access = planParticipants(input);
  if (!access.ok) return access;
  const { participants, roster, guestAccess, guestPasscode } = access.value;

  const open = isOpenQuickMeet(command.template, input.people, command.guests);
  const template: Template = command.template === 'quick' && !open ? 'meeting' : command.template;
  const request: CreateMeetingRequest = {};
  if (title) request.title = title;
  else if (!open) request.title = defaultTitle(template, roster).slice(0, maxTitle);
  if (description) request.description = description;
  if (participants.length > 0) request.participants = participants;
  if (config) request.addonConfigurationId = config.id;
  if (duration !== undefined) request.schedulingInfo = { duration };

  const plan: MeetingPlan = { template, request, roster, guestAccess, creator: input.typist };
  if (guestPasscode !== undefined) plan.guestPasscode = guestPasscode;
  if (config) plan.config = config;
  return { ok: true, value: plan };
}
