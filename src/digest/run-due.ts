import type { Logger } from '../logger';
import { metrics } from '../metrics/metrics';
import type { DigestSubscription } from '../store/store';
import { defaultDeliveryOptions } from './deliver';
import { createDigestDataSource } from './fan-out';
import { createLimiter } from './limiter';
import { createPacer, realSleep } from './pacer';
import { type DigestJob, runOneDigest } from './run-one';
import type { DigestRunDeps, DigestRunReport } from './run-report';
import { type DigestPeriod, lastDueAt, periodBefore } from './schedule';

/**
 * `runDueDigests(deps, at)`: every digest due at `at` (its most recent due instant, at most a
 * day ago), sent once per subscription and period across processes and replicas:
 * `claimDigestRun` before the post, `finishDigestRun` with the message id after it.
 */

const day = 24 * 60 * 60 * 1000;

function dueAndPeriod(sub: DigestSubscription, at: Date, logger: Logger) {
  try {
    const due = lastDueAt(sub, at);
    const period = periodBefore(due, sub.timeZone);
    return { due, period, periodStart: period.start.toISOString() };
  } catch (error) {
    logger.error({ err: error, subscriptionId: sub.id }, 'digest subscription has an invalid schedule');
    return undefined;
  }
}

export async function runDueDigests(deps: DigestRunDeps, at: Date): Promise<DigestRunReport> {
  const options = { ...defaultDeliveryOptions, concurrency: 8, catchUpMs: day, ...deps.options };
  const report: DigestRunReport = { at: at.toISOString(), sent: [], failed: [], skipped: [] };
  const subscriptions = await deps.store.listDigestSubscriptions();

  const jobs: DigestJob[] = [];
  // Subscriptions share a handful of schedules; croner and zoned week arithmetic cost ~0.2 ms
  // each, so each schedule is worked out once per run, not once per subscription.
  const schedules = new Map<string, { due: Date; period: DigestPeriod; periodStart: string } | undefined>();
  for (const sub of subscriptions) {
    const key = `${sub.weekday} ${sub.time} ${sub.timeZone}`;
    if (!schedules.has(key)) schedules.set(key, dueAndPeriod(sub, at, deps.logger));
    const timing = schedules.get(key);
    // Invalid schedule (logged), or made after its weekday's time: it starts with next week's digest.
    if (!timing || timing.due.getTime() < sub.createdAt.getTime()) continue;
    if (deps.settled?.has(`${sub.id}|${timing.periodStart}`)) continue;
    jobs.push({ sub, ...timing });
  }

  const sleep = deps.timers?.sleep ?? realSleep;
  const context = {
    ...deps,
    at,
    options,
    sleep,
    report,
    data: createDigestDataSource(deps.meet),
    pacer: createPacer({ sleep, now: deps.timers?.now }),
    rendered: new Map(),
  };
  const limit = createLimiter(options.concurrency);
  await Promise.all(
    jobs.map((job) =>
      limit(() =>
        runOneDigest(job, context).catch((error: unknown) => {
          // A store failure for one subscription must not stop the others.
          const item = { subscriptionId: job.sub.id, platform: job.sub.platform, channelId: job.sub.channelId };
          deps.logger.error({ err: error, ...item, periodStart: job.periodStart }, 'digest run failed');
          report.failed.push({
            ...item,
            tenant: job.sub.tenant,
            periodStart: job.periodStart,
            error: error instanceof Error ? error.message : String(error),
          });
        }),
      ),
    ),
  );
  countOutcomes(report);
  if (report.sent.length + report.failed.length > 0 || jobs.length > 0) {
    deps.logger.info(
      { at: report.at, sent: report.sent.length, failed: report.failed.length, skipped: report.skipped.length },
      'digest run finished',
    );
  }
  return report;
}

/** Decisions this run made (a digest already sent, or sending elsewhere, was counted by its own run). */
function countOutcomes(report: DigestRunReport): void {
  if (report.sent.length > 0) metrics.digests.inc({ outcome: 'sent' }, report.sent.length);
  if (report.failed.length > 0) metrics.digests.inc({ outcome: 'failed' }, report.failed.length);
  for (const skipped of report.skipped) {
    if (skipped.reason === 'in_doubt') metrics.digests.inc({ outcome: 'in_doubt' });
    else if (skipped.reason === 'too_late' || skipped.reason === 'platform_not_configured') {
      metrics.digests.inc({ outcome: 'skipped' });
    }
  }
}
