import type { Clock } from '../core/clock';
import type { SsoSettings } from '../core/people';
import type { DigestSubscriptions } from '../flows/digest-subscriptions';
import type { InFlight } from '../flows/in-flight';
import type { MeetAnnouncer } from '../flows/meet-announcer';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import type { Conversations } from './conversations';

/** What the Teams handlers share; built once by createTeamsBot. */
export interface TeamsContext {
  meet: MeetApi;
  store: Store;
  logger: Logger;
  clock: Clock;
  conversations: Conversations;
  sso: SsoSettings;
  defaultTimeZone: string;
  digests?: DigestSubscriptions;
  generatePasscode: () => string;
  /** Teams gives an invoke about 5 s: past this the Meet is still created, and posted when it is. */
  invokeDeadlineMs: number;
  /** Work that outlives its turn (late results, store retries), drained by stop() and at shutdown. */
  inFlight: InFlight;
  /** The watcher follows created Meets: their card starts as "Not started yet". */
  watching: boolean;
  /** MEET_REMINDER_MINUTES: the reminder lead of Meets for later unless `remind:` says otherwise. */
  reminderMinutes: number;
  /** How Meets are shown after creation (the watcher, reminders, `cancel` marking the card). */
  announcer: MeetAnnouncer;
}
