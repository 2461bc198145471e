import type Database from 'better-sqlite3';
import type { Clock } from '../core/clock';
import type { Codec, Row } from './row-mappers';
import { guardStore } from './store-records';
import type { WatchStore } from './watch-records';
import { toWatchedMeet, watchInsertParams, watchSql, watchUpdateParams } from './watch-rows';

/** The watch part of the SQLite store. */
export function createSqliteWatchStore(db: Database.Database, clock: Clock, codec: Codec): WatchStore {
  const sql = watchSql('sqlite');
  const q = {
    insert: db.prepare(sql.insert),
    find: db.prepare(sql.find),
    listOpen: db.prepare(sql.listOpen),
    listByCreator: db.prepare(sql.listByCreator),
    update: db.prepare(sql.update),
    claimTick: db.prepare(sql.claimTick),
    purgeTicks: db.prepare(sql.purgeTicks),
    claimFeedback: db.prepare(sql.claimFeedback),
  };
  const iso = (date: Date) => codec.time(date);
  return {
    watchMeet: (meet) =>
      guardStore('watchMeet', () => {
        q.insert.run(watchInsertParams(meet, clock(), codec));
      }),
    findWatch: (code) =>
      guardStore('findWatch', () => {
        const row = q.find.get(code) as Row | undefined;
        return row ? toWatchedMeet(row, codec) : undefined;
      }),
    listOpenWatches: () =>
      guardStore('listOpenWatches', () => (q.listOpen.all() as Row[]).map((row) => toWatchedMeet(row, codec))),
    listWatchesByCreator: ({ platform, creatorId, since, limit }) =>
      guardStore('listWatchesByCreator', () =>
        (q.listByCreator.all(platform, creatorId, iso(since), limit) as Row[]).map((row) => toWatchedMeet(row, codec)),
      ),
    updateWatch: (code, patch) =>
      guardStore('updateWatch', () => {
        q.update.run(watchUpdateParams(code, patch, clock(), codec));
      }),
    claimWatchTick: (tenantKey, tickStart, now) =>
      guardStore('claimWatchTick', () => q.claimTick.run(tenantKey, tickStart, iso(now)).changes === 1),
    purgeWatchTicks: (before) => guardStore('purgeWatchTicks', () => q.purgeTicks.run(iso(before)).changes),
    claimWatchFeedback: (code) =>
      guardStore('claimWatchFeedback', () => q.claimFeedback.run(iso(clock()), code).changes === 1),
  };
}
