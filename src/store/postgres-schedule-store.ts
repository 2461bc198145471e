import type { Pool } from 'pg';
import type { Clock } from '../core/clock';
import type { Codec, Row } from './row-mappers';
import type { ScheduleStore } from './schedule-records';
import { scheduleFinishParams, scheduleInsertParams, scheduleSql, toScheduledMeet } from './schedule-rows';
import { guardStore } from './store-records';

/** The Meets-for-later part of the PostgreSQL store; claims are single statements (the row's state decides). */
export function createPostgresScheduleStore(pool: Pool, clock: Clock, codec: Codec): ScheduleStore {
  const sql = scheduleSql('postgres');
  const rows = async (text: string, values: unknown[]): Promise<Row[]> => (await pool.query(text, values)).rows;
  const count = async (text: string, values: unknown[]): Promise<number> =>
    (await pool.query(text, values)).rowCount ?? 0;
  const read = (row: Row) => toScheduledMeet(row, codec);
  return {
    scheduleMeet: (meet) =>
      guardStore('scheduleMeet', async () => {
        await pool.query(sql.insert, scheduleInsertParams(meet, clock(), codec));
      }),
    findScheduled: (code) =>
      guardStore('findScheduled', async () => {
        const [row] = await rows(sql.find, [code]);
        return row ? read(row) : undefined;
      }),
    listDueReminders: (now, limit) =>
      guardStore('listDueReminders', async () => (await rows(sql.listDue, [now, limit])).map(read)),
    claimReminder: (code, now) => guardStore('claimReminder', async () => (await count(sql.claim, [now, code])) === 1),
    finishReminder: (code, result) =>
      guardStore('finishReminder', async () => {
        await pool.query(sql.finish, scheduleFinishParams(code, result, codec));
      }),
    listUpcoming: ({ platform, creatorId, now, limit }) =>
      guardStore('listUpcoming', async () =>
        (await rows(sql.listUpcoming, [platform, creatorId, now, limit])).map(read),
      ),
    cancelScheduled: (code, creatorId, at) =>
      guardStore('cancelScheduled', async () => (await count(sql.cancel, [at, code, creatorId])) === 1),
  };
}
