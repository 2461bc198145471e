import type { MeetApi } from '../meet/meet-api';
import type { FeedbackRecord, UsageRecord } from '../meet/schemas';
import type { DigestPeriod } from './schedule';

/**
 * Usage and feedback fetched once per tenant and period, shared by every subscription that
 * needs them: 10,000 channels of 100 tenants due at the same minute cost 100 usage and 100
 * feedback requests, not 20,000. One request covers the period and the week before it (for
 * the week-over-week change). The cache lives for one `runDueDigests` call only, so a digest
 * never shows figures older than that run.
 */

export interface DigestData {
  usage: UsageRecord[];
  feedbacks: FeedbackRecord[];
}

export interface DigestDataSource {
  get(tenant: string | undefined, period: DigestPeriod): Promise<DigestData>;
}

/** The API's `to` may be inclusive (its examples end at 23:59:59): stop 1 ms before the next week. */
function lastInstantBefore(end: Date): string {
  return new Date(end.getTime() - 1).toISOString();
}

export function createDigestDataSource(meet: MeetApi): DigestDataSource {
  const cache = new Map<string, Promise<DigestData>>();
  return {
    get(tenant, period) {
      const key = `${tenant ?? ''}|${period.previousStart.toISOString()}|${period.end.toISOString()}`;
      let pending = cache.get(key);
      if (!pending) {
        const to = lastInstantBefore(period.end);
        pending = Promise.all([
          meet.getUsage({ tenant, from: period.previousStart.toISOString(), to }),
          meet.getFeedbacks({ tenant, from: period.start.toISOString(), to }),
        ]).then(([usage, feedbacks]) => ({ usage, feedbacks }));
        // A failure is remembered for the rest of this run too: the Meet client has already
        // retried, and 100 channels of a failing tenant must not mean 100 more requests. Nothing
        // was claimed yet, so the next scheduler tick tries again.
        cache.set(key, pending);
      }
      return pending;
    },
  };
}
