/**
 * The Meets meetbot follows after creating them from chat (issue "the Meet's life"): where each was
 * announced, its tenant, and its state, until it ended (and its feedback came in) or a cut-off
 * passed. The message reference and the shown part are opaque JSON here: the adapters know them.
 */

export type WatchState = 'created' | 'live' | 'ended' | 'expired' | 'gone' | 'cancelled';

/** `waiting` until ratings arrive or the window closes; `claimed` by the replica that sends them. */
export type FeedbackState = 'waiting' | 'claimed' | 'sent' | 'none';

export interface WatchedMeet {
  code: string;
  /** The Meet API tenant (code or id) whose usage lists it; absent: every subtenant. */
  tenant?: string;
  platform: 'slack' | 'teams';
  /** Slack team/enterprise id, Teams tenant id. */
  workspaceId?: string;
  channelId?: string;
  /** Who created it: the feedback goes to them. */
  creatorId: string;
  /** Where the announcing message is, so it can be changed in place (platform-specific JSON). */
  message?: unknown;
  /** The public part of the Meet as first shown (platform-neutral JSON), to render it again. */
  shown: unknown;
  createdAt: Date;
  /** Usage is asked from here: the creation, or a scheduled start. */
  watchFrom: Date;
  state: WatchState;
  startedAt?: Date;
  endedAt?: Date;
  participants?: number;
  durationSeconds?: number;
  /** What the message shows now (`live:3`…): the same state is never sent twice. */
  shownState?: string;
  feedback: FeedbackState;
  /** Ratings are waited for until then (2 h after the end). */
  feedbackUntil?: Date;
  updatedAt: Date;
}

export type NewWatchedMeet = Pick<
  WatchedMeet,
  | 'code'
  | 'tenant'
  | 'platform'
  | 'workspaceId'
  | 'channelId'
  | 'creatorId'
  | 'message'
  | 'shown'
  | 'createdAt'
  | 'watchFrom'
>;

/** What a tick changes; fields left out keep their value. */
export type WatchPatch = Partial<
  Pick<
    WatchedMeet,
    | 'state'
    | 'startedAt'
    | 'endedAt'
    | 'participants'
    | 'durationSeconds'
    | 'shownState'
    | 'feedback'
    | 'feedbackUntil'
    | 'message'
  >
>;

export interface WatchStore {
  /** Starts following a Meet; a second call for the same code changes nothing. */
  watchMeet(meet: NewWatchedMeet): Promise<void>;
  findWatch(code: string): Promise<WatchedMeet | undefined>;
  /** Not started or live, or ended with feedback still awaited. Oldest first. */
  listOpenWatches(): Promise<WatchedMeet[]>;
  /** A person's Meets created since `since`, newest first. */
  listWatchesByCreator(query: {
    platform: WatchedMeet['platform'];
    creatorId: string;
    since: Date;
    limit: number;
  }): Promise<WatchedMeet[]>;
  updateWatch(code: string, patch: WatchPatch): Promise<void>;
  /** Succeeds exactly once per tenant and tick, across processes. */
  claimWatchTick(tenantKey: string, tickStart: string, now: Date): Promise<boolean>;
  purgeWatchTicks(before: Date): Promise<number>;
  /** `waiting` → `claimed`, exactly once across processes: the winner sends the ratings. */
  claimWatchFeedback(code: string): Promise<boolean>;
}
