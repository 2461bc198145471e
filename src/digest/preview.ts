import type { Clock } from '../core/clock';
import { AppError } from '../core/errors';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import { createDigestDataSource } from './fan-out';
import { renderDigestText } from './render-text';
import { periodBefore } from './schedule';
import { summarizeDigest } from './summarize';

/**
 * `meetbot digest preview --channel ID`: the digest a channel would get for the last complete
 * week before `at`, as text. Sends nothing and records nothing.
 */
export async function previewDigest(
  deps: { store: Store; meet: MeetApi; clock: Clock },
  channelId: string,
  at: Date,
): Promise<string> {
  const sub =
    (await deps.store.findDigestSubscription('slack', channelId)) ??
    (await deps.store.findDigestSubscription('teams', channelId));
  if (!sub) {
    throw new AppError(
      'not_found',
      `channel ${channelId} has no digest subscription; subscribe it with /meet digest weekly`,
    );
  }
  const period = periodBefore(at, sub.timeZone);
  const data = await createDigestDataSource(deps.meet).get(sub.tenant, period);
  const text = renderDigestText(summarizeDigest({ period, tenant: sub.tenant, ...data }));
  return `Preview for ${sub.platform} channel ${sub.channelId} (not sent)\n\n${text}`;
}
