import type { AddonConfiguration, CreateMeetingRequest, Provider, Role } from '../meet/schemas';
import type { CreateCommand, PersonRef, Platform, Template } from './command';

/** A person after the platform looked them up (Slack `users.info`, Teams `getMember`) or an outsider's email. */
export interface ResolvedPerson {
  /** A workspace user (mention, the typist) or an outsider typed as an email. */
  source: 'workspace' | 'outsider';
  platform: Platform;
  /** The platform's user id, so replies can mention them. */
  userId?: string;
  /** What people call them; for an outsider, the email. */
  displayName: string;
  firstName?: string;
  lastName?: string;
  /** Missing for bots, deactivated users or a missing scope: an error naming them. */
  email?: string;
  /** The identity they sign in with, when it differs from `email` (a Teams UPN). */
  signInIdentity?: string;
  /** Their own IANA zone, where the platform says (Slack profile, Teams client): times they type are read in it. */
  timeZone?: string;
}

export type SsoProvider = 'google' | 'microsoft';

/** `MEET_SSO_PROVIDER` and `MEET_SSO_DOMAINS`. */
export interface SsoSettings {
  defaultProvider?: SsoProvider;
  /** Lower-case domain → provider. */
  domains: Record<string, SsoProvider>;
}

export interface PlanInput {
  command: CreateCommand;
  typist: ResolvedPerson;
  /** The command's people in order, each with what it resolved to. */
  people: Array<{ ref: PersonRef; person: ResolvedPerson }>;
  /** `GET /v1/addonConfigurations`; needed only when `command.config` is set. */
  addonConfigurations: AddonConfiguration[];
  sso: SsoSettings;
  /** 8 digits from a cryptographically secure source; injected so tests are deterministic. */
  generatePasscode: () => string;
}

/** One participant as the bot shows them; `passcode` only ever goes to the creator. */
export interface RosterEntry {
  person: ResolvedPerson;
  role: Role;
  provider: Provider;
  passcode?: string;
  isTypist: boolean;
}

export interface MeetingPlan {
  template: Template;
  /** Who asked for it; in the roster too, except in a quick Meet (which has none). */
  creator: ResolvedPerson;
  request: CreateMeetingRequest;
  roster: RosterEntry[];
  guestAccess: 'none' | 'anyone' | 'passcode';
  guestPasscode?: string;
  /** The addon configuration chosen by `config:`, for the reply. */
  config?: { id: string; name: string };
}
