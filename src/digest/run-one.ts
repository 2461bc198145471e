import type { DigestPlatform, DigestSubscription } from '../store/store';
import { type DigestPoster, deliver } from './deliver';
import type { DigestDataSource } from './fan-out';
import type { Pacer, Sleep } from './pacer';
import type { DigestRunDeps, DigestRunItem, DigestRunReport } from './run-report';
import type { DigestPeriod } from './schedule';
import { type DigestModel, summarizeDigest } from './summarize';

/**
 * One subscription's digest for one period. The order matters for exactly-once:
 * 1. already recorded in the store → nothing to do;
 * 2. fetch the figures (shared) BEFORE claiming, so a Meet API outage does not burn the claim:
 *    the next tick tries again while the digest is still within its catch-up day;
 * 3. claim (atomic in the database: one replica wins), post, record the message id.
 * A process that dies between 3's claim and its record leaves a `claimed` run. It is never
 * resent: we cannot know whether the post reached the channel, and for a digest a duplicate
 * in a busy channel is worse than a missing one. (A lease that expires and retries would turn
 * that into at-least-once.) It is logged as `in_doubt` so an operator can look.
 */

export interface DigestJob {
  sub: DigestSubscription;
  due: Date;
  period: DigestPeriod;
  periodStart: string;
}

export interface RunContext extends DigestRunDeps {
  at: Date;
  options: Required<NonNullable<DigestRunDeps['options']>>;
  sleep: Sleep;
  report: DigestRunReport;
  data: DigestDataSource;
  pacer: Pacer;
  /** Per tenant, week and zone: the model, and each platform's rendering of it (made on first use). */
  rendered: Map<string, { model: DigestModel; messages: Map<DigestPlatform, unknown> }>;
}

/** A claim older than this without a result is a send that died, not one still running. */
const inDoubtAfterMs = 15 * 60 * 1000;

async function rendered(job: DigestJob, poster: DigestPoster, ctx: RunContext): Promise<unknown> {
  const key = `${job.sub.tenant ?? ''}|${job.periodStart}|${job.period.timeZone}`;
  let entry = ctx.rendered.get(key);
  if (!entry) {
    const data = await ctx.data.get(job.sub.tenant, job.period);
    // Another subscription of the same key may have built it while this one waited for the data.
    entry = ctx.rendered.get(key);
    if (!entry) {
      entry = { model: summarizeDigest({ period: job.period, tenant: job.sub.tenant, ...data }), messages: new Map() };
      ctx.rendered.set(key, entry);
    }
  }
  if (!entry.messages.has(job.sub.platform)) entry.messages.set(job.sub.platform, poster.render(entry.model));
  return entry.messages.get(job.sub.platform);
}

export async function runOneDigest(job: DigestJob, ctx: RunContext): Promise<void> {
  const { sub, periodStart } = job;
  const { store, logger, report } = ctx;
  const item: DigestRunItem = {
    subscriptionId: sub.id,
    platform: sub.platform,
    channelId: sub.channelId,
    tenant: sub.tenant,
    periodStart,
  };
  const settle = () => ctx.settled?.add(`${sub.id}|${periodStart}`);

  const existing = await store.getDigestRun(sub.id, periodStart);
  if (existing) {
    settle();
    if (existing.status !== 'claimed') {
      report.skipped.push({ ...item, reason: `already_${existing.status}` });
      return;
    }
    const stale = ctx.at.getTime() - existing.claimedAt.getTime() > inDoubtAfterMs;
    const detail = `claimed at ${existing.claimedAt.toISOString()}, never finished`;
    if (stale) {
      logger.warn(
        { ...item, claimedAt: existing.claimedAt },
        'digest run was claimed and never finished (the process probably stopped mid-send); not resending it: a digest is sent at most once',
      );
    }
    report.skipped.push({ ...item, reason: stale ? 'in_doubt' : 'in_progress_elsewhere', detail });
    return;
  }

  const lateMs = ctx.at.getTime() - job.due.getTime();
  if (lateMs > ctx.options.catchUpMs) {
    const detail = `due ${job.due.toISOString()}, ${Math.round(lateMs / 3_600_000)} h ago`;
    if (await store.claimDigestRun(sub.id, periodStart, ctx.clock())) {
      await store.finishDigestRun(sub.id, periodStart, {
        status: 'skipped',
        error: `missed: ${detail}`,
        at: ctx.clock(),
      });
      logger.warn({ ...item, due: job.due }, 'digest missed by more than the catch-up window; skipped');
      report.skipped.push({ ...item, reason: 'too_late', detail });
    }
    settle();
    return;
  }

  const poster = sub.platform === 'slack' ? ctx.posters.slack : ctx.posters.teams;
  if (!poster) {
    // Not claimed: if the platform is configured on a replica (or after a restart), it sends.
    logger.warn(item, `digest due but ${sub.platform} is not configured in this process`);
    report.skipped.push({ ...item, reason: 'platform_not_configured' });
    settle();
    return;
  }

  let message: unknown;
  try {
    message = await rendered(job, poster, ctx);
  } catch (error) {
    logger.error({ err: error, ...item }, 'could not fetch usage and feedback for a digest; will retry next tick');
    report.failed.push({ ...item, error: `Meet API: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }

  if (!(await store.claimDigestRun(sub.id, periodStart, ctx.clock()))) {
    settle();
    report.skipped.push({ ...item, reason: 'in_progress_elsewhere', detail: 'claimed by another run' });
    return;
  }
  settle();

  const send = () => poster.post({ workspaceId: sub.workspaceId, channelId: sub.channelId }, message);
  const outcome = await deliver(
    { platform: sub.platform, workspaceId: sub.workspaceId, channelId: sub.channelId, send },
    { pacer: ctx.pacer, sleep: ctx.sleep, options: ctx.options },
  );

  if (outcome.ok) {
    report.sent.push({ ...item, messageId: outcome.messageId });
    logger.info({ ...item, messageId: outcome.messageId, attempts: outcome.attempts }, 'digest sent');
    await store
      .finishDigestRun(sub.id, periodStart, { status: 'sent', messageId: outcome.messageId, at: ctx.clock() })
      .catch((error: unknown) =>
        logger.error({ err: error, ...item }, 'digest sent but not recorded; it stays claimed and is not resent'),
      );
    return;
  }

  await store.finishDigestRun(sub.id, periodStart, { status: 'failed', error: outcome.error, at: ctx.clock() });
  if (outcome.removed) {
    logger.warn(
      { ...item, error: outcome.error },
      `the bot can no longer post in ${sub.platform} channel ${sub.channelId} (removed, archived or uninstalled): unsubscribing it from the weekly digest`,
    );
    await store.deleteDigestSubscription(sub.platform, sub.channelId);
    report.failed.push({ ...item, error: outcome.error, unsubscribed: true });
    return;
  }
  logger.error({ ...item, error: outcome.error, attempts: outcome.attempts }, 'digest could not be sent');
  report.failed.push({ ...item, error: outcome.error });
}
