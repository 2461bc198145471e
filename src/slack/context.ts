import type { App } from '@slack/bolt';
import type { Clock } from '../core/clock';
import type { SsoSettings } from '../core/people';
import type { DigestSubscriptions } from '../flows/digest-subscriptions';
import type { InFlight } from '../flows/in-flight';
import type { MeetAnnouncer } from '../flows/meet-announcer';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import type { SlackCalls } from './calls';
import type { PeopleResolver } from './people';

/** What every Slack listener needs, built once in app.ts. */
export interface SlackContext {
  app: App;
  meet: MeetApi;
  store: Store;
  logger: Logger;
  clock: Clock;
  sso: SsoSettings;
  defaultTimeZone: string;
  digests?: DigestSubscriptions;
  people: PeopleResolver;
  generatePasscode: () => string;
  /** Work after the ack (creates, replies), drained before shutdown closes the store. */
  inFlight: InFlight;
  /** Slack Calls for created Meets, where the app has calls:write. */
  calls: SlackCalls;
  /** The watcher follows created Meets: their message starts as "Not started yet". */
  watching: boolean;
  /** Before this, a slow Meet API is silent; after it the typist sees "Creating your Meet…". */
  slowNoticeMs: number;
  /** MEET_REMINDER_MINUTES: the reminder lead of Meets for later unless `remind:` says otherwise. */
  reminderMinutes: number;
  /** How Meets are shown after creation (the watcher, reminders, `/meet cancel` marking the message). */
  announcer: MeetAnnouncer;
}
