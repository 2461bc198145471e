import type { DigestCommand, Weekday } from '../core/command';
import { formatInstant } from '../core/formats';
import type { Reply } from '../core/reply-model';
import { isValidTimeZone, nextDueAfter, parseTime, weekdayLabel, weekdayNames } from '../digest/schedule';
import type { Logger } from '../logger';
import type { DigestPlatform, DigestSubscription, Store } from '../store/store';
import { reportFailure } from './report-failure';

/**
 * The digest subscription use case: `/meet digest`, `/meet digest weekly [DAY] [HH:MM] [tz:ZONE]
 * [tenant:CODE]` and `/meet digest off`, for Slack channels and Teams channels and chats alike.
 * The adapters call `handle`; the reply is a `notice` or an `error` they render like any other.
 */

/** Where a `/meet digest …` command was typed. */
export interface DigestTarget {
  platform: DigestPlatform;
  /** Slack team/enterprise id or Teams tenant id. */
  workspaceId?: string;
  /** Slack channel id or Teams conversation id. */
  channelId: string;
  /** Platform user id of the person who typed it. */
  userId: string;
}

export interface DigestSubscriptions {
  handle(command: DigestCommand, target: DigestTarget, now: Date): Promise<Reply>;
}

const usage = '/meet digest weekly [DAY] [HH:MM] [tz:ZONE] [tenant:CODE]  |  /meet digest off  |  /meet digest';

function describeSchedule(sub: Pick<DigestSubscription, 'weekday' | 'time' | 'timeZone' | 'tenant'>): string {
  const tenant = sub.tenant ? ` for tenant ${sub.tenant}` : '';
  return `every ${weekdayLabel(sub.weekday)} at ${sub.time} (${sub.timeZone})${tenant}`;
}

function nextRun(sub: Pick<DigestSubscription, 'weekday' | 'time' | 'timeZone'>, now: Date): string {
  return formatInstant(nextDueAfter(sub, now), sub.timeZone);
}

function isoWeekday(day: Weekday | undefined): number {
  return day ? weekdayNames.indexOf(day) + 1 : 1;
}

/** `HH:MM`, or undefined when `time` is not a time of day (parseTime says why; the reply says how). */
function normalizeTime(time: string | undefined): string | undefined {
  if (time === undefined) return '09:00';
  try {
    const [h, m] = parseTime(time);
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  } catch (_notATime) {
    return undefined;
  }
}

export function createDigestSubscriptions(deps: {
  store: Store;
  defaultTimeZone: string;
  logger: Logger;
}): DigestSubscriptions {
  const { store } = deps;
  // A store failure is logged once with a reference id, and the person gets the same words and id
  // as for any other failure (describeFailure), whatever the platform.
  const failed = (error: unknown, what: string, target: DigestTarget) =>
    reportFailure(deps.logger, error, `digest: ${what}`, {
      fields: { platform: target.platform, channelId: target.channelId },
    });
  return {
    async handle(command: DigestCommand, target: DigestTarget, now: Date): Promise<Reply> {
      if (command.action === 'off') {
        try {
          const removed = await store.deleteDigestSubscription(target.platform, target.channelId);
          return {
            kind: 'notice',
            text: removed
              ? 'This channel is unsubscribed from the weekly Meet digest.'
              : 'This channel was not subscribed to the weekly Meet digest.',
          };
        } catch (error) {
          return failed(error, 'unsubscribe', target);
        }
      }

      if (command.action === 'show') {
        let sub: DigestSubscription | undefined;
        try {
          sub = await store.findDigestSubscription(target.platform, target.channelId);
        } catch (error) {
          return failed(error, 'read the subscription', target);
        }
        if (!sub) {
          return {
            kind: 'notice',
            text: 'This channel is not subscribed to the weekly Meet digest. Subscribe with `/meet digest weekly` (Monday 09:00 by default), e.g. `/meet digest weekly friday 16:00 tz:Europe/Berlin`.',
          };
        }
        return {
          kind: 'notice',
          text: `This channel gets the weekly Meet digest ${describeSchedule(sub)}; next: ${nextRun(sub, now)}. Turn it off with \`/meet digest off\`.`,
        };
      }

      const time = normalizeTime(command.time);
      if (!time) {
        return {
          kind: 'error',
          message: `"${command.time}" is not a time of day; write it as HH:MM, e.g. 09:00.`,
          usage,
        };
      }
      const timeZone = command.timeZone ?? deps.defaultTimeZone;
      if (!isValidTimeZone(timeZone)) {
        return {
          kind: 'error',
          message: `"${timeZone}" is not a time zone; use an IANA name such as tz:Europe/Berlin.`,
          usage,
        };
      }
      const schedule = { weekday: isoWeekday(command.weekday), time, timeZone, tenant: command.tenant };
      try {
        await store.saveDigestSubscription({
          ...schedule,
          platform: target.platform,
          workspaceId: target.workspaceId,
          channelId: target.channelId,
          createdBy: target.userId,
        });
      } catch (error) {
        return failed(error, 'save the subscription', target);
      }
      return {
        kind: 'notice',
        text: `This channel will get the weekly Meet digest ${describeSchedule(schedule)}; next: ${nextRun(schedule, now)}.`,
      };
    },
  };
}
