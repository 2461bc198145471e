import { AppError } from '../../src/core/errors';
import type { DigestPosters } from '../../src/digest/deliver';
import { createSilentLogger } from '../../src/logger';
import type { MeetApi } from '../../src/meet/meet-api';
import type { FeedbackRecord, ReportQuery, UsageRecord } from '../../src/meet/schemas';
import { renderDigestBlocks } from '../../src/slack/digest-blocks';
import { renderDigestCard } from '../../src/teams/digest-card';

/** A usage record with sensible defaults; durations in seconds. */
export function usage(createdAt: string, over: Partial<UsageRecord> = {}): UsageRecord {
  return {
    code: `m${createdAt.replace(/\D/g, '').slice(4, 12)}`,
    title: 'Meet',
    participants: 2,
    createdAt,
    totalDurationInSeconds: 1800,
    billableDurationInSeconds: 1800,
    isFree: false,
    isSubscriptionCovered: true,
    ...over,
  };
}

export function feedback(timestamp: string, rating: number, text?: string): FeedbackRecord {
  return { rating, text, timestamp };
}

/**
 * An in-memory MeetApi that serves usage and feedback, filtering by the query's instants
 * (both inclusive, like the sandbox), and counts the calls.
 */
export function createFakeMeet(data: { usage?: UsageRecord[]; feedbacks?: FeedbackRecord[] } = {}) {
  const calls: Array<{ kind: 'usage' | 'feedbacks'; query: ReportQuery }> = [];
  let failures = 0;
  const inRange = (iso: string, q: ReportQuery) =>
    (!q.from || Date.parse(iso) >= Date.parse(q.from)) && (!q.to || Date.parse(iso) <= Date.parse(q.to));
  const unsupported = () => Promise.reject(new Error('not used by digests'));
  const meet: MeetApi = {
    createMeeting: unsupported,
    listAddonConfigurations: unsupported,
    getAddonConfiguration: unsupported,
    createAddonConfiguration: unsupported,
    updateAddonConfiguration: unsupported,
    deleteAddonConfiguration: unsupported,
    async getUsage(query) {
      calls.push({ kind: 'usage', query });
      if (failures > 0) {
        failures -= 1;
        throw new Error('Meet API is down');
      }
      return (data.usage ?? []).filter((r) => inRange(r.createdAt, query));
    },
    async getFeedbacks(query) {
      calls.push({ kind: 'feedbacks', query });
      return (data.feedbacks ?? []).filter((r) => inRange(r.timestamp, query));
    },
    checkToken: async () => undefined,
    close: async () => undefined,
  };
  return {
    meet,
    calls,
    /** The next `n` usage calls fail. */
    failUsage(n: number) {
      failures = n;
    },
  };
}

export interface PostedMessage {
  platform: 'slack' | 'teams';
  channelId: string;
  workspaceId?: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever was posted
  message: any;
}

/**
 * Posters that record what they were given, rendered by the platforms' own renderers.
 * `fail(channel, errors)` makes the next posts to that channel throw those errors in turn.
 */
export function createFakePosters() {
  const posted: PostedMessage[] = [];
  const attempts: string[] = [];
  const failures = new Map<string, unknown[]>();
  let n = 0;
  const take = (channelId: string) => {
    attempts.push(channelId);
    const queue = failures.get(channelId);
    if (queue && queue.length > 0) throw queue.shift();
  };
  const posters: DigestPosters = {
    slack: {
      render: renderDigestBlocks,
      async post(target, message) {
        take(target.channelId);
        posted.push({ platform: 'slack', channelId: target.channelId, workspaceId: target.workspaceId, message });
        n += 1;
        return { messageId: `slack-${n}` };
      },
    },
    teams: {
      render: renderDigestCard,
      async post(target, activity) {
        take(target.channelId);
        posted.push({ platform: 'teams', channelId: target.channelId, message: activity });
        n += 1;
        return { messageId: `teams-${n}` };
      },
    },
  };
  return {
    posters,
    posted,
    attempts,
    fail(channelId: string, errors: unknown[]) {
      failures.set(channelId, [...errors]);
    },
  };
}

export const rateLimited = (retryAfterMs?: number) =>
  new AppError('platform_error', 'Slack answered 429', { retryAfterMs });
export const botRemoved = () => new AppError('not_found', 'channel_not_found');

/** Timers that do not wait: a sleep moves a virtual clock forward and remembers the wait. */
export function createFakeTimers() {
  const waits: number[] = [];
  let now = 0;
  return {
    waits,
    timers: {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    },
  };
}

export const silentLogger = createSilentLogger();
