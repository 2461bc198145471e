import type Database from 'better-sqlite3';
import type { Clock } from '../core/clock';
import type { Codec, Row } from './row-mappers';
import type { ScheduleStore } from './schedule-records';
import { scheduleFinishParams, scheduleInsertParams, scheduleSql, toScheduledMeet } from './schedule-rows';
import { guardStore } from './store-records';

/** The Meets-for-later part of the SQLite store. */
export function createSqliteScheduleStore(db: Database.Database, clock: Clock, codec: Codec): ScheduleStore {
  const sql = scheduleSql('sqlite');
  const q = {
    insert: db.prepare(sql.insert),
    find: db.prepare(sql.find),
    listDue: db.prepare(sql.listDue),
    claim: db.prepare(sql.claim),
    finish: db.prepare(sql.finish),
    listUpcoming: db.prepare(sql.listUpcoming),
    cancel: db.prepare(sql.cancel),
  };
  const iso = (date: Date) => codec.time(date);
  const read = (row: Row) => toScheduledMeet(row, codec);
  return {
    scheduleMeet: (meet) =>
      guardStore('scheduleMeet', () => {
        q.insert.run(scheduleInsertParams(meet, clock(), codec));
      }),
    findScheduled: (code) =>
      guardStore('findScheduled', () => {
        const row = q.find.get(code) as Row | undefined;
        return row ? read(row) : undefined;
      }),
    listDueReminders: (now, limit) =>
      guardStore('listDueReminders', () => (q.listDue.all(iso(now), limit) as Row[]).map(read)),
    claimReminder: (code, now) => guardStore('claimReminder', () => q.claim.run(iso(now), code).changes === 1),
    finishReminder: (code, result) =>
      guardStore('finishReminder', () => {
        q.finish.run(scheduleFinishParams(code, result, codec));
      }),
    listUpcoming: ({ platform, creatorId, now, limit }) =>
      guardStore('listUpcoming', () => (q.listUpcoming.all(platform, creatorId, iso(now), limit) as Row[]).map(read)),
    cancelScheduled: (code, creatorId, at) =>
      guardStore('cancelScheduled', () => q.cancel.run(iso(at), code, creatorId).changes === 1),
  };
}
