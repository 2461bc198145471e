import { type AccessRule, type Participant, ParticipantUserSchema, type Provider, type Role } from '../meet/schemas';
import type { GuestAccess, PersonRef, Template } from './command';
import type { Result, UserError } from './errors';
import type { PlanInput, ResolvedPerson, RosterEntry, SsoSettings } from './people';

/** Roles the template gives, before a role prefix (`guest:@bob`) overrides them. */
export const templateRoles: Record<Template, { typist: Role; mention: Role; email: Role }> = {
  interview: { typist: 'Admin', mention: 'PowerUser', email: 'User' },
  meeting: { typist: 'Admin', mention: 'User', email: 'User' },
  webcast: { typist: 'PowerUser', mention: 'PowerUser', email: 'Guest' },
  // A quick Meet that names people behaves like a meeting.
  quick: { typist: 'Admin', mention: 'User', email: 'User' },
};

const rolePrivilege: Record<Role, number> = { Admin: 3, PowerUser: 2, User: 1, Guest: 0 };

/** Outsiders' consumer mail domains whose provider is known. */
const wellKnownDomains: Record<string, Provider> = {
  'gmail.com': 'Google',
  'googlemail.com': 'Google',
  'outlook.com': 'Microsoft',
  'hotmail.com': 'Microsoft',
  'live.com': 'Microsoft',
  'msn.com': 'Microsoft',
};

const ssoProviders: Record<'google' | 'microsoft', Provider> = { google: 'Google', microsoft: 'Microsoft' };

/** The API caps a Meet at 500 participants. */
const maxParticipants = 500;

export interface AccessPlan {
  /** In the order people were named: the typist first, then the command's people, then the guest entry. */
  participants: Participant[];
  roster: RosterEntry[];
  guestAccess: 'none' | 'anyone' | 'passcode';
  guestPasscode?: string;
}

/** Whether a command adds no one: a quick Meet open to anyone with the link, sent as `{}`. */
export function isOpenQuickMeet(template: Template, people: unknown[], guests: GuestAccess): boolean {
  return template === 'quick' && people.length === 0 && (guests.kind === 'default' || guests.kind === 'anyone');
}

/** The provider a person signs in with (commands.md, "Access rules: who logs in how"). */
export function chooseProvider(person: ResolvedPerson, email: string, sso: SsoSettings): Provider {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  if (person.source === 'workspace') {
    if (person.platform === 'teams') return 'Microsoft';
    const configured = sso.domains[domain] ?? sso.defaultProvider;
    return configured ? ssoProviders[configured] : 'Passcode';
  }
  const configured = sso.domains[domain];
  if (configured) return ssoProviders[configured];
  return wellKnownDomains[domain] ?? 'Passcode';
}

interface Pending {
  person: ResolvedPerson;
  email: string;
  role: Role;
  isTypist: boolean;
}

function personRole(ref: PersonRef, template: Template): Role {
  if (ref.role) return ref.role;
  const roles = templateRoles[template];
  return ref.kind === 'email' ? roles.email : roles.mention;
}

const emailSchema = ParticipantUserSchema.shape.email;

function checkEmail(person: ResolvedPerson, token: string | undefined): UserError | undefined {
  if (!person.email) return missingEmail(person, token);
  if (emailSchema.safeParse(person.email).success) return undefined;
  const who = token === undefined ? 'Your email address' : `The email address of ${person.displayName} (${token})`;
  return { message: `${who}, ${person.email}, is not one Meet accepts, so no Meet was created.`, token };
}

function missingEmail(person: ResolvedPerson, token: string | undefined): UserError {
  if (token === undefined) {
    return {
      message:
        'meetbot cannot see your email address, so it cannot add you to the Meet. Ask your admin to check the app’s permissions (Slack: users:read.email).',
    };
  }
  return {
    message: `${person.displayName} (${token}) has no email address meetbot can see (a bot, a deactivated account, or a missing permission), so no Meet was created. Leave them out or use their email.`,
    token,
  };
}

/** Merges by email, case-insensitively: the more privileged role wins, and a workspace profile beats a bare email. */
function addPending(byEmail: Map<string, Pending>, next: Pending): void {
  const key = next.email.toLowerCase();
  const seen = byEmail.get(key);
  if (!seen) {
    byEmail.set(key, next);
    return;
  }
  if (rolePrivilege[next.role] > rolePrivilege[seen.role]) seen.role = next.role;
  if (seen.person.source === 'outsider' && next.person.source === 'workspace') {
    seen.person = next.person;
    seen.email = next.email;
  }
  seen.isTypist ||= next.isTypist;
}

function toParticipant(entry: Pending, rule: AccessRule): Participant {
  const user: NonNullable<Participant['user']> = { email: entry.email };
  const { firstName, lastName } = entry.person;
  if (firstName) user.firstName = firstName.slice(0, 200);
  if (lastName) user.lastName = lastName.slice(0, 200);
  return { user, role: entry.role, accessRules: [rule] };
}

function signInRule(entry: Pending, provider: Provider, passcode: string | undefined): AccessRule {
  if (provider === 'Passcode') return { provider, condition: passcode };
  const identity = entry.person.signInIdentity;
  if (identity && identity.toLowerCase() !== entry.email.toLowerCase()) return { provider, condition: identity };
  return { provider };
}

function guestEntry(guests: GuestAccess, template: Template): Pick<AccessPlan, 'guestAccess' | 'guestPasscode'> {
  if (guests.kind === 'passcode') return { guestAccess: 'passcode', guestPasscode: guests.passcode };
  if (guests.kind === 'anyone') return { guestAccess: 'anyone' };
  if (guests.kind === 'default' && template === 'webcast') return { guestAccess: 'anyone' };
  return { guestAccess: 'none' };
}

/** Resolved people → Meet participants with their roles and sign-in rules. */
export function planParticipants(
  input: Pick<PlanInput, 'command' | 'typist' | 'people' | 'sso' | 'generatePasscode'>,
): Result<AccessPlan> {
  const { command, typist, people, sso } = input;
  if (isOpenQuickMeet(command.template, people, command.guests)) {
    return { ok: true, value: { participants: [], roster: [], guestAccess: 'anyone' } };
  }
  const template = command.template;
  const byEmail = new Map<string, Pending>();
  const typistError = checkEmail(typist, undefined);
  if (typistError || !typist.email) return { ok: false, error: typistError ?? missingEmail(typist, undefined) };
  addPending(byEmail, { person: typist, email: typist.email, role: templateRoles[template].typist, isTypist: true });
  for (const { ref, person } of people) {
    const error = checkEmail(person, ref.token);
    if (error || !person.email) return { ok: false, error: error ?? missingEmail(person, ref.token) };
    addPending(byEmail, { person, email: person.email, role: personRole(ref, template), isTypist: false });
  }
  if (template === 'interview' && ![...byEmail.values()].some((p) => p.role === 'User')) {
    return {
      ok: false,
      error: { message: 'An interview needs a candidate: add their email, e.g. jane@example.com.', field: 'people' },
    };
  }
  const guest = guestEntry(command.guests, template);
  const total = byEmail.size + (guest.guestAccess === 'none' ? 0 : 1);
  if (total > maxParticipants) {
    return {
      ok: false,
      error: { message: `A Meet can have at most ${maxParticipants} participants.`, field: 'people' },
    };
  }
  const participants: Participant[] = [];
  const roster: RosterEntry[] = [];
  for (const entry of byEmail.values()) {
    const provider = chooseProvider(entry.person, entry.email, sso);
    const passcode = provider === 'Passcode' ? input.generatePasscode() : undefined;
    participants.push(toParticipant(entry, signInRule(entry, provider, passcode)));
    const rosterEntry: RosterEntry = { person: entry.person, role: entry.role, provider, isTypist: entry.isTypist };
    if (passcode) rosterEntry.passcode = passcode;
    roster.push(rosterEntry);
  }
  if (guest.guestAccess === 'anyone') participants.push({ role: 'Guest' });
  if (guest.guestAccess === 'passcode') {
    participants.push({ role: 'Guest', accessRules: [{ provider: 'Passcode', condition: guest.guestPasscode }] });
  }
  return { ok: true, value: { participants, roster, ...guest } };
}
