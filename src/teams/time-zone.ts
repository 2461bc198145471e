import type { Activity } from 'botbuilder';
import { canonicalTimeZone } from '../core/parse-time-zone';

/**
 * The zone of the person who sent an activity, as their Teams client says: the `clientInfo`
 * entity's `timezone`, else the activity's `localTimezone` (both IANA names). Undefined when the
 * client said nothing usable: times are then read in DIGEST_TIME_ZONE.
 */
export function timeZoneOf(activity: Partial<Activity>): string | undefined {
  const clientInfo = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as
    | { timezone?: unknown }
    | undefined;
  for (const zone of [clientInfo?.timezone, activity.localTimezone]) {
    if (typeof zone !== 'string') continue;
    const canonical = canonicalTimeZone(zone);
    if (canonical) return canonical;
  }
  return undefined;
}
