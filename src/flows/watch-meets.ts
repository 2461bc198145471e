import type { Clock } from '../core/clock';
import { type MeetStatus, statusKey, statusOfUsage } from '../core/meet-status';
import type { MeetCreatedPublic } from '../core/reply-model';
import type { Logger } from '../logger';
import { isMeetApiError } from '../meet/errors';
import type { MeetApi } from '../meet/meet-api';
import type { FeedbackRecord, UsageRecord } from '../meet/schemas';
import { metrics } from '../metrics/metrics';
import type { Store } from '../store/store';
import type { WatchedMeet, WatchPatch } from '../store/watch-records';
import type { MeetAnnouncer, ShowResult } from './meet-announcer';
import { sendFeedbackOnce } from './watch-feedback';

/**
 * The watcher: follows every Meet created from chat from "created" to "ended" and "feedback in",
 * and changes the message that announced it as it goes. The Meet API has no webhooks and cannot
 * read one Meet, so each tick asks, per tenant with open Meets, one usage report (from the oldest
 * open Meet to now) and, when some ended Meets wait for ratings, one feedback report. With several
 * replicas each tenant's tick is claimed in the store, so one replica polls and posts.
 */

export interface WatchDeps {
  store: Store;
  meet: MeetApi;
  logger: Logger;
  clock: Clock;
  announcers: Partial<Record<WatchedMeet['platform'], MeetAnnouncer>>;
  /** The tick length: ticks are claimed per tenant and tick. */
  pollMs: number;
  /** Per-tenant backoff after a failed report, kept across ticks (the scheduler holds one). */
  backoff?: Map<string, { failures: number; until: number }>;
}

export interface WatchTickReport {
  tenants: number;
  polled: number;
  usageRequests: number;
  feedbackRequests: number;
  updated: number;
  feedbackSent: number;
  failures: number;
}

/** A Meet that never started is let go a day after it was created; a live one is followed until it ends. */
export const notStartedCutoffMs = 24 * 60 * 60_000;
/** Ratings are awaited this long after the end. */
export const feedbackWindowMs = 2 * 60 * 60_000;
const maxBackoffMs = 10 * 60_000;
const clockMarginMs = 15 * 60_000;

export async function runWatchTick(deps: WatchDeps, now: Date): Promise<WatchTickReport> {
  const report: WatchTickReport = {
    tenants: 0,
    polled: 0,
    usageRequests: 0,
    feedbackRequests: 0,
    updated: 0,
    feedbackSent: 0,
    failures: 0,
  };
  // A Meet for later is followed from its start (a margin before: people join early), not before.
  const open = (await deps.store.listOpenWatches()).filter(
    (w) => w.watchFrom.getTime() - clockMarginMs <= now.getTime(),
  );
  const byTenant = new Map<string, WatchedMeet[]>();
  for (const watch of open) {
    const key = watch.tenant ?? '';
    byTenant.set(key, [...(byTenant.get(key) ?? []), watch]);
  }
  report.tenants = byTenant.size;
  metrics.watcherOpenMeets.set(open.length);
  const tickStart = new Date(Math.floor(now.getTime() / deps.pollMs) * deps.pollMs).toISOString();
  const backoff = deps.backoff ?? new Map();
  for (const [tenant, watches] of byTenant) {
    const waiting = backoff.get(tenant);
    if (waiting && waiting.until > now.getTime()) continue;
    if (!(await deps.store.claimWatchTick(tenant || '(all)', tickStart, now))) continue;
    report.polled += 1;
    try {
      await pollTenant(deps, tenant || undefined, watches, now, report);
      backoff.delete(tenant);
      metrics.watcherPolls.inc({ outcome: 'ok' });
    } catch (error) {
      report.failures += 1;
      metrics.watcherPolls.inc({ outcome: 'failed' });
      const failures = (waiting?.failures ?? 0) + 1;
      const asked = isMeetApiError(error) ? (error.retryAfterMs ?? 0) : 0;
      // At least the next tick is skipped; each failure in a row doubles the wait.
      const wait = Math.max(asked, Math.min(maxBackoffMs, deps.pollMs * 2 ** failures));
      backoff.set(tenant, { failures, until: now.getTime() + wait });
      // The Meets stay as they are: the next tick after the backoff asks again.
      deps.logger.warn(
        { err: error, tenant: tenant || '(all)', failures, retryInMs: wait },
        'watcher: tenant poll failed',
      );
    }
  }
  await deps.store.purgeWatchTicks(new Date(now.getTime() - 24 * 60 * 60_000));
  return report;
}

async function pollTenant(
  deps: WatchDeps,
  tenant: string | undefined,
  watches: WatchedMeet[],
  now: Date,
  report: WatchTickReport,
): Promise<void> {
  const running = watches.filter((w) => w.state === 'created' || w.state === 'live');
  if (running.length > 0) {
    // The Meet API stamps createdAt by its own clock, a little before we recorded the watch (and
    // clocks differ): the range starts a margin earlier so the Meet is inside it. A Meet for later
    // was created before its start, and a report may date it by either: from the earlier one.
    const earliest = Math.min(...running.map((w) => Math.min(w.createdAt.getTime(), w.watchFrom.getTime())));
    const from = new Date(earliest - clockMarginMs);
    report.usageRequests += 1;
    const usage = await deps.meet.getUsage({
      ...(tenant ? { tenant } : {}),
      from: from.toISOString(),
      to: now.toISOString(),
    });
    const byCode = new Map<string, UsageRecord>(usage.map((record) => [record.code, record]));
    for (const watch of running) await follow(deps, watch, byCode.get(watch.code), now, report);
  }
  const awaiting = watches.filter((w) => w.state === 'ended' && w.feedback === 'waiting');
  if (awaiting.length > 0) {
    const from = new Date(Math.min(...awaiting.map((w) => (w.endedAt ?? w.watchFrom).getTime())));
    report.feedbackRequests += 1;
    const ratings = await deps.meet.getFeedbacks({
      ...(tenant ? { tenant } : {}),
      from: from.toISOString(),
      to: now.toISOString(),
    });
    const byMeet = new Map<string, FeedbackRecord[]>();
    for (const rating of ratings) {
      if (rating.resourceId) byMeet.set(rating.resourceId, [...(byMeet.get(rating.resourceId) ?? []), rating]);
    }
    for (const watch of awaiting) {
      const sent = await sendFeedbackOnce(deps, watch, byMeet.get(watch.code) ?? [], now);
      if (sent) {
        report.feedbackSent += 1;
        metrics.ratingsSent.inc({ platform: watch.platform });
      }
    }
  }
}

/** One Meet: its status from the usage record, shown on its message when it changed. */
async function follow(
  deps: WatchDeps,
  watch: WatchedMeet,
  record: UsageRecord | undefined,
  now: Date,
  report: WatchTickReport,
): Promise<void> {
  const status = statusOfUsage(record);
  if (status.state === 'created' && now.getTime() - watch.watchFrom.getTime() > notStartedCutoffMs) {
    deps.logger.info({ meetCode: watch.code }, 'watcher: the Meet did not start within a day; no longer followed');
    await deps.store.updateWatch(watch.code, { state: 'expired' });
    return;
  }
  const key = statusKey(status);
  const patch: WatchPatch = { ...statusPatch(status) };
  if (key !== watch.shownState && !(status.state === 'created' && watch.shownState === undefined)) {
    const shown = await showStatus(deps, watch, status, now);
    if (shown?.outcome === 'gone') {
      deps.logger.info({ meetCode: watch.code }, 'watcher: the announcing message is gone; no longer followed');
      await deps.store.updateWatch(watch.code, { state: 'gone' });
      return;
    }
    if (shown?.outcome === 'shown') {
      report.updated += 1;
      metrics.watcherUpdates.inc({ platform: watch.platform, state: status.state });
    }
    // Shown, or impossible to show: either way not tried again for this state. A failure is.
    if (shown) patch.shownState = key;
    if (shown?.message !== undefined) patch.message = shown.message;
  }
  if (status.state !== watch.state || patch.shownState !== undefined) {
    await deps.store.updateWatch(watch.code, patch);
  }
}

function statusPatch(status: MeetStatus): WatchPatch {
  switch (status.state) {
    case 'created':
      return { state: 'created' };
    case 'live':
      return { state: 'live', startedAt: status.startedAt, participants: status.participants };
    case 'ended':
      return {
        state: 'ended',
        ...(status.startedAt ? { startedAt: status.startedAt } : {}),
        endedAt: status.endedAt,
        participants: status.participants,
        durationSeconds: status.minutes * 60,
        feedbackUntil: new Date(status.endedAt.getTime() + feedbackWindowMs),
      };
  }
}

/** The announcer's result; undefined when it failed this time (asked again at the next tick). */
async function showStatus(
  deps: WatchDeps,
  watch: WatchedMeet,
  status: MeetStatus,
  now: Date,
): Promise<ShowResult | undefined> {
  const announcer = deps.announcers[watch.platform];
  if (!announcer || watch.message === undefined) return { outcome: 'skipped' };
  const shown = { ...(watch.shown as MeetCreatedPublic), status };
  try {
    return await announcer.show(watch, shown, now);
  } catch (error) {
    deps.logger.warn(
      { err: error, meetCode: watch.code },
      'watcher: could not update the Meet message; trying again next tick',
    );
    return undefined;
  }
}
