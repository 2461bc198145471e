import type { Clock } from '../core/clock';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { DigestSubscription, Store } from '../store/store';
import type { DeliveryOptions, DigestPosters } from './deliver';
import type { Sleep } from './pacer';

/**
 * What a digest run takes and what it reports, apart from run-due.ts (which decides what is due)
 * and run-one.ts (which sends one digest), so that neither has to import the other for them.
 */

export interface DigestRunDeps {
  store: Store;
  meet: MeetApi;
  posters: DigestPosters;
  clock: Clock;
  logger: Logger;
  /** Tuning; defaults suit production. Tests and benchmarks lower the waits. */
  options?: Partial<DeliveryOptions & { concurrency: number; catchUpMs: number }>;
  /** Waits between retries and for pacing, and the time they are measured in (tests pass fakes). */
  timers?: { sleep: Sleep; now: () => number };
  /**
   * Runs this process already knows are settled (`subscriptionId|periodStart`): the scheduler
   * keeps one across ticks so it does not ask the store about them every minute.
   */
  settled?: Set<string>;
}

export interface DigestRunItem {
  subscriptionId: string;
  platform: DigestSubscription['platform'];
  channelId: string;
  tenant?: string;
  periodStart: string;
}

export type SkipReason =
  | 'already_sent'
  | 'already_failed'
  | 'already_skipped'
  /** Claimed by another run (or replica) that has not finished: maybe sending right now. */
  | 'in_progress_elsewhere'
  /** Claimed long ago and never finished: the process died mid-send. Not resent. */
  | 'in_doubt'
  | 'too_late'
  | 'platform_not_configured';

export interface DigestRunReport {
  at: string;
  sent: Array<DigestRunItem & { messageId: string }>;
  failed: Array<DigestRunItem & { error: string; unsubscribed?: boolean }>;
  skipped: Array<DigestRunItem & { reason: SkipReason; detail?: string }>;
}
