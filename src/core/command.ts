import type { Role } from '../meet/schemas';
import type { UserError } from './errors';

/** The typed commands of the `/meet` language (../shared/design/commands.md). */

export type Platform = 'slack' | 'teams' | 'cli';
export type Template = 'quick' | 'interview' | 'meeting' | 'webcast';

/** A person as written in a command, before the platform resolves it. */
export type PersonRef =
  /** Slack `<@U123>` / `<@U123|alice>` / `<@W123>`, or a Teams `<at>` matched to its mention entity. */
  | { kind: 'user'; id: string; label?: string; role?: Role; token: string }
  /** Slack unescaped `@alice`: resolved by display name (ambiguity is an error). */
  | { kind: 'userName'; name: string; role?: Role; token: string }
  /** `bob@x.com` or `<mailto:bob@x.com|bob@x.com>`, lower-cased. */
  | { kind: 'email'; email: string; role?: Role; token: string };

/**
 * `default`: the template decides (webcast adds an anonymous Guest, others add none);
 * `none`, `anyone`, or a passcode that anyone who knows it joins with as Guest.
 */
export type GuestAccess =
  | { kind: 'default' }
  | { kind: 'none' }
  | { kind: 'anyone' }
  | { kind: 'passcode'; passcode: string };

export interface CreateCommand {
  kind: 'create';
  template: Template;
  people: PersonRef[];
  title?: string;
  description?: string;
  /** `config:NAME` or `config:GUID`, as typed; matched by plan-meeting. */
  config?: string;
  /** Minutes, 1..1440; omitted unless given. */
  durationMinutes?: number;
  guests: GuestAccess;
  /** A Meet for later (`tomorrow 15:00`, a form's date and time); absent: a Meet for now. */
  start?: StartSpec;
  /** `tz:ZONE`, the zone the start is read in (IANA, canonical); absent: the person's own zone. */
  timeZone?: string;
  /** `remind:15m` (minutes before the start) or `remind:none` (0); absent: MEET_REMINDER_MINUTES. */
  reminderMinutes?: number;
}

/**
 * When a Meet is for, as entered; read into an instant later (resolve-start.ts), where the clock
 * and the person's zone are known.
 */
export type StartSpec =
  /** Typed words, anywhere in the command: `tomorrow 15:00`, `fri 10:30`, `in 2h`. */
  | { kind: 'words'; text: string; token: string }
  /** A form's date and time pickers: `YYYY-MM-DD` and `HH:MM`, a wall-clock time in the person's zone. */
  | { kind: 'wall'; date: string; time: string };

export type RangePreset = 'this week' | 'last week' | 'this month' | 'last month' | '7d' | '30d';
/** `start`/`end` are inclusive calendar days `YYYY-MM-DD` in the caller's time zone. */
export type RangeSpec = { kind: 'preset'; preset: RangePreset } | { kind: 'days'; start: string; end: string };

export interface ReportCommand {
  kind: 'usage' | 'feedback';
  range: RangeSpec;
  tenant?: string;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export type DigestCommand =
  | { kind: 'digest'; action: 'show' }
  | { kind: 'digest'; action: 'off' }
  | {
      kind: 'digest';
      action: 'weekly';
      weekday?: Weekday;
      /** `HH:MM`, 24-hour. */
      time?: string;
      /** IANA zone, validated by the parser. */
      timeZone?: string;
      tenant?: string;
    };

export type Command =
  | CreateCommand
  | ReportCommand
  | DigestCommand
  | { kind: 'configs' }
  | { kind: 'help'; topic?: string }
  /** `/meet new`: open the Create-a-Meet form. */
  | { kind: 'new' }
  /** `/meet status`: the typist's Meets of today and where each is. */
  | { kind: 'status' }
  /** `/meet upcoming`: the typist's Meets for later that have not ended. */
  | { kind: 'upcoming' }
  /** `/meet cancel CODE`: the creator calls off a Meet for later (its reminder; the Meet API cannot delete a Meet). */
  | { kind: 'cancel'; code: string };

/** A Teams mention entity of the activity (`<at>Alice</at>` → `{ text: '<at>Alice</at>', id, name }`). */
export interface MentionEntity {
  text: string;
  id: string;
  name: string;
}

export interface ParseContext {
  platform: Platform;
  /** Teams: the activity's mention entities, including the bot's own (which the parser drops). */
  mentions?: MentionEntity[];
  /** Teams: the bot's own id, so `<at>Meet</at>` is not taken for a person. */
  botId?: string;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: UserError };
