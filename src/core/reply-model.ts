import type { Role } from '../meet/schemas';
import type { Platform, Template } from './command';
import type { MeetStatus } from './meet-status';

/**
 * The platform-neutral replies. `replies.ts` builds them from API results; Slack renders them as
 * Block Kit, Teams as Adaptive Cards, the CLI as plain text. Text typed by users is kept raw here:
 * each renderer escapes it for its own format.
 */

/** A participant as shown publicly: a workspace user by id (a mention), an outsider by email. */
export interface ShownPerson {
  displayName: string;
  platform: Platform;
  userId?: string;
  email?: string;
}

export type RoleLabel = 'Organizer' | 'Interviewer' | 'Candidate' | 'Host' | 'Co-host' | 'Participant' | 'Guest';

export interface MeetCreatedPublic {
  title: string;
  joinUrl: string;
  template: Template;
  /** Who created it (the organizer, or the host of a webcast). */
  createdBy: ShownPerson;
  /** Groups in display order; empty groups are left out. */
  participants: Array<{ label: RoleLabel; role: Role; people: ShownPerson[] }>;
  guestAccess: 'none' | 'anyone' | 'passcode';
  durationMinutes?: number;
  /** The addon configuration, when it says more than the template's name. */
  configName?: string;
  /** Where it is in its life (the watcher changes the message as it goes); absent: just created. */
  status?: MeetStatus;
  /** A Meet for later: when it is. Absent: a Meet for now. */
  schedule?: MeetSchedule;
  /** Its creator called it off (`/meet cancel`): no Join, no calendar links. */
  cancelled?: boolean;
}

/**
 * When a Meet for later is. The Meet itself knows no start (the Meet API has only a duration), so
 * this is meetbot's: shown in the message, in calendar links and used for the reminder. Instants
 * are ISO strings: this part is kept in the store as JSON and rendered again later.
 */
export interface MeetSchedule {
  startsAt: string;
  endsAt: string;
  /** The zone the time was read in (the organizer's): the fallback where a reader's own cannot be shown. */
  timeZone: string;
  /** The channel is reminded in the message's thread this many minutes before; 0: no reminder. */
  reminderMinutes: number;
}

/** Only ever shown to the person who created the Meet. */
export interface MeetCreatedPrivate {
  code: string;
  joinUrl: string;
  title: string;
  /** Meet emails each of these people their own passcode; the creator's copy is a spare. */
  passcodes: Array<{ person: ShownPerson; label: RoleLabel; passcode: string }>;
  /** Nobody gets this one by email: the creator shares it with the guests. */
  guestPasscode?: string;
  /** A Meet for later: its calendar links go to the creator too. */
  schedule?: MeetSchedule;
}

export interface UsageSummary {
  meetCount: number;
  totalMinutes: number;
  billableMinutes: number;
  freeCount: number;
  coveredCount: number;
  chargedCount: number;
  /** 0 when there are no Meets. */
  averageParticipants: number;
  /** In the summary's time zone; absent when there are no Meets. */
  busiestDay?: { date: string; meetCount: number };
  /** Longest first, at most 3. */
  longest: Array<{ code: string; title: string; minutes: number; date: string }>;
}

export interface FeedbackSummary {
  count: number;
  /** Absent when there is no feedback. */
  averageRating?: number;
  /** Rating → count, highest rating first. */
  distribution: Array<{ rating: number; count: number }>;
  /** Lowest rating first, at most 3, only those with text. */
  lowest: Array<{ rating: number; text: string; date: string }>;
}

export interface RangeLabel {
  /** What the user asked for, e.g. `last week` or `2026-11-01..2026-11-07`. */
  label: string;
  /** Inclusive calendar days in `timeZone`. */
  startDay: string;
  endDay: string;
  timeZone: string;
}

export interface ConfigSummary {
  id: string;
  name: string;
  description?: string;
  isDefault: boolean;
  /** Addon names, e.g. `code editor`, `whiteboard`. */
  addons: string[];
}

export interface HelpEntry {
  usage: string;
  description: string;
  example?: string;
}

/** A Meet in someone's list (`/meet status`, App Home): where it is in its life. */
export interface MeetListItem {
  title: string;
  joinUrl: string;
  template: Template;
  createdAt: Date;
  /** `expired`: it did not start within a day, and is no longer followed; `cancelled` by its creator. */
  status: MeetStatus | { state: 'expired' } | { state: 'cancelled' };
}

/** A Meet for later in its creator's list (`/meet upcoming`). */
export interface UpcomingItem {
  code: string;
  title: string;
  joinUrl: string;
  template: Template;
  schedule: MeetSchedule;
}

export type Reply =
  | { kind: 'meetCreated'; public: MeetCreatedPublic; private: MeetCreatedPrivate }
  | { kind: 'usage'; range: RangeLabel; tenant?: string; summary: UsageSummary }
  | { kind: 'feedback'; range: RangeLabel; tenant?: string; summary: FeedbackSummary }
  /** `example`: `config:NAME` with a name from the list, to show how one is picked. */
  | { kind: 'configs'; configs: ConfigSummary[]; example?: string }
  | { kind: 'help'; intro: string; entries: HelpEntry[] }
  /** The typist's Meets of today (`/meet status`), newest first, times in `timeZone`. */
  | { kind: 'meets'; timeZone: string; meets: MeetListItem[] }
  /** The typist's Meets for later (`/meet upcoming`), soonest first; fallback times in `timeZone`. */
  | { kind: 'upcoming'; timeZone: string; meets: UpcomingItem[] }
  /** A short status line: "Creating your Meet…", "This channel gets the weekly digest…". */
  | { kind: 'notice'; text: string }
  | {
      kind: 'error';
      /** What happened, in one sentence, no stack trace and no secret. */
      message: string;
      /** What to do: fix the input, retry later, ask an admin. */
      hint?: string;
      /** The usage line of what was tried. */
      usage?: string;
      /** Also in the log line of the failure. */
      referenceId?: string;
      retryable?: boolean;
    };
