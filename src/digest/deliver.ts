import { AppError } from '../core/errors';
import type { DigestPlatform } from '../store/store';
import type { Pacer, Sleep } from './pacer';
import type { DigestModel } from './summarize';

/**
 * Posting one rendered digest: pacing per channel, honouring Retry-After, a bounded number of
 * retries with exponential backoff, and a timeout so a hung platform call cannot stall the
 * scheduler. Only errors that say the message was NOT posted are retried (the posters turn
 * 429s and 5xx answers into `platform_error`): a timeout may have delivered the message, and a
 * second copy in a channel is worse than a late or missing digest.
 */

/** A Slack channel (of a workspace or org, see installationWorkspaceId) or a Teams conversation. */
export interface DigestTarget {
  workspaceId?: string;
  channelId: string;
}

/**
 * How one platform shows and sends a digest. The platform adapters provide it (SlackApp and
 * TeamsBot's `digestPoster`), with the renderer that lives next to their escapers and limits:
 * src/digest knows the model, never Block Kit or Adaptive Cards.
 */
export interface DigestPoster<M = unknown> {
  /** The digest in the platform's format; rendered once per tenant, week and zone, then shared. */
  render(model: DigestModel): M;
  /** Posts it once (never retried blindly): `not_found` when the bot can no longer post there. */
  post(target: DigestTarget, message: M): Promise<{ messageId: string }>;
}

export interface DigestPosters {
  slack?: DigestPoster;
  teams?: DigestPoster;
}

export interface DeliveryOptions {
  /** Attempts in all, first included. Default 4. */
  attempts: number;
  /** First backoff; doubles each time. Default 1000 ms. */
  baseDelayMs: number;
  /** Longest wait between attempts, Retry-After included; a longer Retry-After gives up. Default 60 s. */
  maxDelayMs: number;
  /** Per channel: Slack allows about one message per second. Default 1000 ms. */
  slackIntervalMs: number;
  /** Per Teams conversation. Default 1000 ms. */
  teamsIntervalMs: number;
  /** One platform call. Default 30 s. */
  sendTimeoutMs: number;
}

export const defaultDeliveryOptions: DeliveryOptions = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  slackIntervalMs: 1000,
  teamsIntervalMs: 1000,
  sendTimeoutMs: 30_000,
};

export interface Delivery {
  platform: DigestPlatform;
  workspaceId?: string;
  channelId: string;
  send(): Promise<{ messageId: string }>;
}

export type DeliveryOutcome =
  | { ok: true; messageId: string; attempts: number }
  | { ok: false; removed: boolean; error: string; attempts: number };

function describe(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('timeout', `no answer within ${ms} ms (the message may have been delivered)`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function deliver(
  delivery: Delivery,
  deps: { pacer: Pacer; sleep: Sleep; options: DeliveryOptions },
): Promise<DeliveryOutcome> {
  const { pacer, options } = deps;
  const channelKey = `${delivery.platform}:${delivery.channelId}`;
  // Slack rate-limits chat.postMessage per workspace too; Teams per conversation.
  const holdKey = delivery.platform === 'slack' ? `slack-workspace:${delivery.workspaceId ?? ''}` : channelKey;
  const interval = delivery.platform === 'slack' ? options.slackIntervalMs : options.teamsIntervalMs;

  for (let attempt = 1; ; attempt += 1) {
    await pacer.wait([channelKey, holdKey], interval);
    try {
      const { messageId } = await withTimeout(delivery.send(), options.sendTimeoutMs);
      return { ok: true, messageId, attempts: attempt };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        return { ok: false, removed: true, error: describe(error), attempts: attempt };
      }
      const retryable = error instanceof AppError && error.code === 'platform_error';
      const retryAfter = error instanceof AppError ? (error.retryAfterMs ?? 0) : 0;
      if (!retryable || attempt >= options.attempts || retryAfter > options.maxDelayMs) {
        return { ok: false, removed: false, error: describe(error), attempts: attempt };
      }
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      if (retryAfter > 0) pacer.hold(holdKey, retryAfter);
      await deps.sleep(Math.max(backoff, retryAfter));
    }
  }
}
