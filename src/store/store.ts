import type { Role } from '../meet/schemas';
import type { ScheduleStore } from './schedule-records';
import type { WatchStore } from './watch-records';

/**
 * All durable state of meetbot. Two implementations (sqlite-store.ts, postgres-store.ts) pass the
 * same contract suite. Claims are atomic across processes: they rely on the database's unique
 * constraints, never on in-process locks.
 */

/** Bolt's `Installation`, kept as JSON; the ids are indexed. */
export interface SlackInstallationRecord {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  /** Bolt's Installation object as given to `storeInstallation`. */
  installation: unknown;
}

export interface TeamsConversationRecord {
  conversationId: string;
  /** botbuilder's ConversationReference as JSON. */
  reference: unknown;
  tenantId?: string;
  updatedAt: Date;
}

/** `claim` outcome: `claimed` for the first caller; later callers get what the first one recorded. */
export type IdempotencyClaim =
  | { status: 'claimed' }
  /** Someone else holds the key; `outcome` is set once they finished (`completeIdempotency`). */
  | { status: 'taken'; outcome?: unknown };

export interface AuditParticipant {
  displayName: string;
  email?: string;
  role: Role;
  /** How they sign in: `Passcode`, `Google`, `Microsoft`, `Guest`… never the passcode itself. */
  signIn: string;
}

export interface AuditEntry {
  createdAt: Date;
  platform: 'slack' | 'teams' | 'cli';
  /** Slack `T…`/`E…`, Teams tenant id. */
  workspaceId?: string;
  channelId?: string;
  /** Platform user id of the creator. */
  userId: string;
  userName?: string;
  meetCode: string;
  joinUrl: string;
  title: string;
  template: string;
  participants: AuditParticipant[];
}

export type DigestPlatform = 'slack' | 'teams';

export interface DigestSubscription {
  id: string;
  platform: DigestPlatform;
  /** Slack workspace (team or enterprise) id; Teams tenant id. */
  workspaceId?: string;
  /** Slack channel id or Teams conversation id. */
  channelId: string;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  /** `HH:MM`, 24-hour, in `timeZone`. */
  time: string;
  timeZone: string;
  tenant?: string;
  createdBy: string;
  createdAt: Date;
}

export type NewDigestSubscription = Omit<DigestSubscription, 'id' | 'createdAt'>;

export type DigestRunStatus = 'claimed' | 'sent' | 'failed' | 'skipped';

export interface DigestRun {
  subscriptionId: string;
  /** Start of the period the digest covers, as an ISO instant. */
  periodStart: string;
  status: DigestRunStatus;
  claimedAt: Date;
  finishedAt?: Date;
  messageId?: string;
  error?: string;
}

export interface Store extends WatchStore, ScheduleStore {
  // Slack installations (Bolt's InstallationStore is built on these in slack/).
  saveSlackInstallation(record: SlackInstallationRecord): Promise<void>;
  /** By enterprise id for org-wide installs, else by team id. */
  findSlackInstallation(query: {
    teamId?: string;
    enterpriseId?: string;
    isEnterpriseInstall: boolean;
  }): Promise<SlackInstallationRecord | undefined>;
  deleteSlackInstallation(query: {
    teamId?: string;
    enterpriseId?: string;
    isEnterpriseInstall: boolean;
  }): Promise<void>;

  // Teams conversation references.
  saveTeamsConversation(record: Omit<TeamsConversationRecord, 'updatedAt'>): Promise<void>;
  findTeamsConversation(conversationId: string): Promise<TeamsConversationRecord | undefined>;
  deleteTeamsConversation(conversationId: string): Promise<void>;

  // Idempotency: a Slack trigger_id, a view id, a Teams activity id…
  /** Succeeds (`claimed`) exactly once per key until it expires, across processes. */
  claimIdempotency(key: string, ttlMs: number): Promise<IdempotencyClaim>;
  /** Records what the claim produced (e.g. the Meet), so a repeated request gets the same answer. */
  completeIdempotency(key: string, outcome: unknown): Promise<void>;
  /** Frees a key whose work failed before anything was created, so a retry may try again. */
  releaseIdempotency(key: string): Promise<void>;
  /** Deletes expired keys; returns how many. */
  purgeExpiredIdempotency(now: Date): Promise<number>;

  // Audit log of Meets created (never a passcode).
  recordMeet(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listMeetsByUser(query: { platform: AuditEntry['platform']; userId: string; limit: number }): Promise<AuditEntry[]>;

  // Digest subscriptions and runs.
  /** One subscription per platform and channel: saving again replaces it. */
  saveDigestSubscription(sub: NewDigestSubscription): Promise<DigestSubscription>;
  findDigestSubscription(platform: DigestPlatform, channelId: string): Promise<DigestSubscription | undefined>;
  deleteDigestSubscription(platform: DigestPlatform, channelId: string): Promise<boolean>;
  listDigestSubscriptions(): Promise<DigestSubscription[]>;
  /** Succeeds exactly once per subscription and period, across processes. */
  claimDigestRun(subscriptionId: string, periodStart: string, now: Date): Promise<boolean>;
  finishDigestRun(
    subscriptionId: string,
    periodStart: string,
    result: { status: 'sent' | 'failed' | 'skipped'; messageId?: string; error?: string; at: Date },
  ): Promise<void>;
  getDigestRun(subscriptionId: string, periodStart: string): Promise<DigestRun | undefined>;

  /** For /readyz: a cheap query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
