import { buildMeetReminder } from '../core/reminder';
import type { MeetCreatedPublic } from '../core/reply-model';
import type { Logger } from '../logger';
import { metrics } from '../metrics/metrics';
import type { ScheduledMeet } from '../store/schedule-records';
import type { Store } from '../store/store';
import type { MeetAnnouncer } from './meet-announcer';

/**
 * The reminders of Meets for later: at the start minus the lead, a reply in the thread of the
 * Meet's message, exactly once. Each due reminder is claimed in the store before it is sent, so with
 * several replicas (and across restarts) one of them sends it; a claimed reminder is never sent
 * again, even when the post failed (a duplicate ping in a channel is worse than a missing one). One
 * due while meetbot was down is sent late only within `catchUpMs`, else skipped and logged.
 */

export interface ReminderDeps {
  store: Store;
  logger: Logger;
  announcers: Partial<Record<ScheduledMeet['platform'], MeetAnnouncer>>;
  /** How late a reminder may still go out (default 15 minutes). */
  catchUpMs?: number;
}

export interface ReminderTickReport {
  due: number;
  sent: number;
  skipped: number;
  failed: number;
}

export const reminderCatchUpMs = 15 * 60_000;
/** Reminders handled per tick; more wait for the next one (a tick is short). */
const perTick = 100;

export async function runReminderTick(deps: ReminderDeps, now: Date): Promise<ReminderTickReport> {
  const report: ReminderTickReport = { due: 0, sent: 0, skipped: 0, failed: 0 };
  const due = await deps.store.listDueReminders(now, perTick);
  report.due = due.length;
  for (const meet of due) {
    // Another replica, or this one in an earlier tick, may have it already.
    if (!(await deps.store.claimReminder(meet.code, now))) continue;
    const outcome = await remindOnce(deps, meet, now);
    metrics.reminders.inc({ platform: meet.platform, outcome });
    report[outcome] += 1;
  }
  return report;
}

async function remindOnce(deps: ReminderDeps, meet: ScheduledMeet, now: Date): Promise<'sent' | 'skipped' | 'failed'> {
  const log = deps.logger.child({ meetCode: meet.code, platform: meet.platform });
  const finish = (state: 'sent' | 'skipped' | 'failed', note?: string) =>
    deps.store.finishReminder(meet.code, { state, ...(note ? { note } : {}), at: now });
  const lateMs = now.getTime() - (meet.remindAt ?? now).getTime();
  const catchUpMs = deps.catchUpMs ?? reminderCatchUpMs;
  if (lateMs > catchUpMs) {
    const note = `due ${Math.round(lateMs / 60_000)} minutes earlier, while meetbot was not running`;
    log.warn({ remindAt: meet.remindAt, lateMs }, `reminder skipped: ${note}`);
    await finish('skipped', note);
    return 'skipped';
  }
  const announcer = deps.announcers[meet.platform];
  const reminder = buildMeetReminder(meet.shown as MeetCreatedPublic, now);
  if (!announcer || !reminder) {
    const note = announcer ? 'the Meet has no schedule' : `${meet.platform} is off on this meetbot`;
    log.warn(`reminder skipped: ${note}`);
    await finish('skipped', note);
    return 'skipped';
  }
  try {
    const result = await announcer.remind(meet, reminder);
    if (result.outcome === 'skipped') {
      log.warn({ why: result.why }, `reminder skipped: ${result.why}`);
      await finish('skipped', result.why);
      return 'skipped';
    }
    log.info({ where: result.where, lateMs: Math.max(0, lateMs) }, 'reminder sent');
    await finish('sent');
    return 'sent';
  } catch (error) {
    log.error({ err: error }, 'reminder failed; it is not tried again');
    await finish('failed', error instanceof Error ? error.message.slice(0, 300) : 'failed');
    return 'failed';
  }
}
