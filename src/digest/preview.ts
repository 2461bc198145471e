import type { Clock } from '../core/clock';
import { AppError } from '../core/errors';
import type { MeetApi } from '../meet/meet-api';
import type { Store } from '../store/store';
import { createDigestDataSource } from './fan-out';
import { renderDigestText } from './render-text';
import { periodBefore } from './schedule';
import { summarizeDigest } from './summarize';

/** A subscribed channel's digest, or a tenant's (any tenant, before anyone subscribes to it). */
export type PreviewTarget = { channelId: string } | { tenant?: string; timeZone: string };

/**
 * `meetbot digest preview --channel ID` or `--tenant CODE [--tz ZONE]`: the digest for the last
 * complete week before `at`, as text. Sends nothing and records nothing.
 */
export async function previewDigest(
  deps: { store: Store; meet: MeetApi; clock: Clock },
  target: PreviewTarget,
  at: Date,
): Promise<string> {
  const { tenant, timeZone, heading } = await resolveTarget(deps.store, target);
  const period = periodBefore(at, timeZone);
  const data = await createDigestDataSource(deps.meet).get(tenant, period);
  const text = renderDigestText(summarizeDigest({ period, tenant, ...data }));
  return `${heading} (not sent)\n\n${text}`;
}

async function resolveTarget(
  store: Store,
  target: PreviewTarget,
): Promise<{ tenant?: string; timeZone: string; heading: string }> {
  if (!('channelId' in target)) {
    const who = target.tenant ? `tenant ${target.tenant}` : 'all tenants';
    return { tenant: target.tenant, timeZone: target.timeZone, heading: `Preview for ${who}, ${target.timeZone}` };
  }
  const { channelId } = target;
  const sub =
    (await store.findDigestSubscription('slack', channelId)) ??
    (await store.findDigestSubscription('teams', channelId));
  if (!sub) {
    throw new AppError(
      'not_found',
      `channel ${channelId} has no digest subscription; subscribe it with /meet digest weekly, or preview a tenant with --tenant CODE`,
    );
  }
  return {
    tenant: sub.tenant,
    timeZone: sub.timeZone,
    heading: `Preview for ${sub.platform} channel ${sub.channelId}`,
  };
}
