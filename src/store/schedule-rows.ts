import { type Codec, jsonParam, type Row } from './row-mappers';
import type { NewScheduledMeet, ScheduledMeet, ScheduleStore } from './schedule-records';
import { optional } from './store-records';

/**
 * The scheduled_meets statements (one text per dialect: SQLite `?`, PostgreSQL `$n`) and their row
 * mapping, shared by both stores. Claims are single statements: the `WHERE reminder = 'pending'`
 * decides the one winner.
 */

const columns =
  'meet_code, platform, workspace_id, channel_id, creator_id, message, shown, starts_at, ends_at, time_zone, remind_at, state, reminder, created_at, updated_at';

export function scheduleSql(dialect: 'sqlite' | 'postgres') {
  const p = (n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);
  const list = (count: number) => Array.from({ length: count }, (_, i) => p(i + 1)).join(', ');
  return {
    insert: `INSERT INTO scheduled_meets (${columns}) VALUES (${list(15)})
      ON CONFLICT (meet_code) DO NOTHING`,
    find: `SELECT * FROM scheduled_meets WHERE meet_code = ${p(1)}`,
    listDue: `SELECT * FROM scheduled_meets
      WHERE reminder = 'pending' AND state = 'scheduled' AND remind_at <= ${p(1)}
      ORDER BY remind_at, meet_code LIMIT ${p(2)}`,
    claim: `UPDATE scheduled_meets SET reminder = 'claimed', updated_at = ${p(1)}
      WHERE meet_code = ${p(2)} AND reminder = 'pending' AND state = 'scheduled'`,
    finish: `UPDATE scheduled_meets SET reminder = ${p(1)}, reminder_note = ${p(2)}, reminded_at = ${p(3)}, updated_at = ${p(4)}
      WHERE meet_code = ${p(5)} AND reminder = 'claimed'`,
    listUpcoming: `SELECT * FROM scheduled_meets
      WHERE platform = ${p(1)} AND creator_id = ${p(2)} AND state = 'scheduled' AND ends_at > ${p(3)}
      ORDER BY starts_at, meet_code LIMIT ${p(4)}`,
    cancel: `UPDATE scheduled_meets SET state = 'cancelled', updated_at = ${p(1)},
        reminder = CASE WHEN reminder = 'pending' THEN 'cancelled' ELSE reminder END
      WHERE meet_code = ${p(2)} AND creator_id = ${p(3)} AND state = 'scheduled'`,
  };
}

export function scheduleInsertParams(meet: NewScheduledMeet, now: Date, c: Codec): unknown[] {
  return [
    meet.code,
    meet.platform,
    meet.workspaceId ?? null,
    meet.channelId ?? null,
    meet.creatorId,
    jsonParam(meet.message),
    jsonParam(meet.shown),
    c.time(meet.startsAt),
    c.time(meet.endsAt),
    meet.timeZone,
    meet.remindAt === undefined ? null : c.time(meet.remindAt),
    'scheduled',
    meet.remindAt === undefined ? 'none' : 'pending',
    c.time(meet.createdAt),
    c.time(now),
  ];
}

type Finished = Parameters<ScheduleStore['finishReminder']>[1];

export function scheduleFinishParams(code: string, result: Finished, c: Codec): unknown[] {
  return [result.state, result.note ?? null, c.time(result.at), c.time(result.at), code];
}

export function toScheduledMeet(row: Row, c: Codec): ScheduledMeet {
  const time = (value: unknown) => (value == null ? undefined : c.readTime(value));
  return {
    code: row.meet_code as string,
    platform: row.platform as ScheduledMeet['platform'],
    workspaceId: optional(row.workspace_id as string | null),
    channelId: optional(row.channel_id as string | null),
    creatorId: row.creator_id as string,
    message: row.message == null ? undefined : c.readJson(row.message),
    shown: c.readJson(row.shown),
    startsAt: c.readTime(row.starts_at),
    endsAt: c.readTime(row.ends_at),
    timeZone: row.time_zone as string,
    remindAt: time(row.remind_at),
    state: row.state as ScheduledMeet['state'],
    reminder: row.reminder as ScheduledMeet['reminder'],
    reminderNote: optional(row.reminder_note as string | null),
    remindedAt: time(row.reminded_at),
    createdAt: c.readTime(row.created_at),
    updatedAt: c.readTime(row.updated_at),
  };
}
