import type { Pool } from 'pg';
import type { Clock } from '../core/clock';
import type { Codec, Row } from './row-mappers';
import { guardStore } from './store-records';
import type { WatchStore } from './watch-records';
import { toWatchedMeet, watchInsertParams, watchSql, watchUpdateParams } from './watch-rows';

/** The watch part of the PostgreSQL store; claims are single statements (the unique keys decide). */
export function createPostgresWatchStore(pool: Pool, clock: Clock, codec: Codec): WatchStore {
  const sql = watchSql('postgres');
  const rows = async (text: string, values: unknown[]): Promise<Row[]> => (await pool.query(text, values)).rows;
  const count = async (text: string, values: unknown[]): Promise<number> =>
    (await pool.query(text, values)).rowCount ?? 0;
  return {
    watchMeet: (meet) =>
      guardStore('watchMeet', async () => {
        await pool.query(sql.insert, watchInsertParams(meet, clock(), codec));
      }),
    findWatch: (code) =>
      guardStore('findWatch', async () => {
        const [row] = await rows(sql.find, [code]);
        return row ? toWatchedMeet(row, codec) : undefined;
      }),
    listOpenWatches: () =>
      guardStore('listOpenWatches', async () => (await rows(sql.listOpen, [])).map((row) => toWatchedMeet(row, codec))),
    listWatchesByCreator: ({ platform, creatorId, since, limit }) =>
      guardStore('listWatchesByCreator', async () =>
        (await rows(sql.listByCreator, [platform, creatorId, since, limit])).map((row) => toWatchedMeet(row, codec)),
      ),
    updateWatch: (code, patch) =>
      guardStore('updateWatch', async () => {
        await pool.query(sql.update, watchUpdateParams(code, patch, clock(), codec));
      }),
    claimWatchTick: (tenantKey, tickStart, now) =>
      guardStore('claimWatchTick', async () => (await count(sql.claimTick, [tenantKey, tickStart, now])) === 1),
    purgeWatchTicks: (before) => guardStore('purgeWatchTicks', () => count(sql.purgeTicks, [before])),
    claimWatchFeedback: (code) =>
      guardStore('claimWatchFeedback', async () => (await count(sql.claimFeedback, [clock(), code])) === 1),
  };
}
