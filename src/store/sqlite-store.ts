import Database from 'better-sqlite3';
import type { Clock } from '../core/clock';
import type { Logger } from '../logger';
import { loadMigrations } from './load-migrations';
import { migrateSqlite } from './migrate-sqlite';
import {
  type Codec,
  conversationParams,
  finishRunParams,
  jsonParam,
  meetParams,
  type Row,
  slackInstallParams,
  subscriptionParams,
  toAuditEntry,
  toDigestRun,
  toSlackInstallation,
  toSubscription,
  toTeamsConversation,
} from './row-mappers';
import { prepareSqliteQueries } from './sqlite-queries';
import { createSqliteScheduleStore } from './sqlite-schedule-store';
import { enterWal } from './sqlite-wal';
import { createSqliteWatchStore } from './sqlite-watch-store';
import type { Store } from './store';
import { guardStore, slackInstallKey, unclaimedRunError } from './store-records';

/**
 * The embedded store: one SQLite file in WAL mode (readers never wait for the writer), or
 * `:memory:`. Several processes may share the file: every claim is a single statement whose
 * outcome the unique keys decide, and writers queue on the file lock (busy_timeout).
 */
export function openSqliteStore(filename: string, deps: { clock: Clock; logger: Logger }): Store {
  const db = new Database(filename);
  // busy_timeout first: even switching to WAL waits for a process that is migrating.
  db.pragma('busy_timeout = 10000');
  enterWal(db);
  // WAL + NORMAL survives process crashes; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  try {
    const applied = migrateSqlite(db, loadMigrations('sqlite'), deps.clock());
    if (applied.length > 0) deps.logger.info({ applied, dialect: 'sqlite' }, 'store migrations applied');
  } catch (error) {
    db.close();
    throw error;
  }
  return createSqliteStore(db, deps.clock);
}

/** SQLite keeps instants as ISO text, booleans as 0/1 and JSON as TEXT. */
const codec: Codec = {
  time: (date) => date.toISOString(),
  readTime: (value) => new Date(value as string),
  flag: (value) => (value ? 1 : 0),
  readFlag: (value) => value === 1,
  readJson: (value) => JSON.parse(value as string),
};

const jsonOrUndefined = (text: unknown): unknown => (typeof text === 'string' ? JSON.parse(text) : undefined);
const iso = (date: Date): string => date.toISOString();

function createSqliteStore(db: Database.Database, clock: Clock): Store {
  const q = prepareSqliteQueries(db);

  return {
    ...createSqliteWatchStore(db, clock, codec),
    ...createSqliteScheduleStore(db, clock, codec),
    saveSlackInstallation: (record) =>
      guardStore('saveSlackInstallation', () => {
        q.saveInstall.run(slackInstallParams(record, clock(), codec));
      }),
    findSlackInstallation: (query) =>
      guardStore('findSlackInstallation', () => {
        const row = q.findInstall.get(slackInstallKey(query)) as Row | undefined;
        return row ? toSlackInstallation(row, codec) : undefined;
      }),
    deleteSlackInstallation: (query) =>
      guardStore('deleteSlackInstallation', () => {
        q.deleteInstall.run(slackInstallKey(query));
      }),

    saveTeamsConversation: (record) =>
      guardStore('saveTeamsConversation', () => {
        q.saveConversation.run(conversationParams(record, clock(), codec));
      }),
    findTeamsConversation: (conversationId) =>
      guardStore('findTeamsConversation', () => {
        const row = q.findConversation.get(conversationId) as Row | undefined;
        return row ? toTeamsConversation(row, codec) : undefined;
      }),
    deleteTeamsConversation: (conversationId) =>
      guardStore('deleteTeamsConversation', () => {
        q.deleteConversation.run(conversationId);
      }),

    claimIdempotency: (key, ttlMs) =>
      guardStore('claimIdempotency', () => {
        const now = clock();
        const { changes } = q.claimKey.run(key, iso(now), iso(new Date(now.getTime() + ttlMs)));
        if (changes === 1) return { status: 'claimed' as const };
        const row = q.findKey.get(key) as Row | undefined;
        if (!row?.completed_at) return { status: 'taken' as const };
        return { status: 'taken' as const, outcome: jsonOrUndefined(row.outcome) };
      }),
    completeIdempotency: (key, outcome) =>
      guardStore('completeIdempotency', () => {
        q.completeKey.run(iso(clock()), jsonParam(outcome), key);
      }),
    releaseIdempotency: (key) =>
      guardStore('releaseIdempotency', () => {
        q.releaseKey.run(key);
      }),
    purgeExpiredIdempotency: (now) => guardStore('purgeExpiredIdempotency', () => q.purgeKeys.run(iso(now)).changes),

    recordMeet: (entry) =>
      guardStore('recordMeet', () => {
        q.recordMeet.run(meetParams(entry, codec));
      }),
    listMeetsByUser: ({ platform, userId, limit }) =>
      guardStore('listMeetsByUser', () =>
        (q.listMeets.all(platform, userId, limit) as Row[]).map((row) => toAuditEntry(row, codec)),
      ),

    saveDigestSubscription: (sub) =>
      guardStore('saveDigestSubscription', () => {
        return toSubscription(q.saveSub.get(subscriptionParams(sub, clock(), codec)) as Row, codec);
      }),
    findDigestSubscription: (platform, channelId) =>
      guardStore('findDigestSubscription', () => {
        const row = q.findSub.get(platform, channelId) as Row | undefined;
        return row ? toSubscription(row, codec) : undefined;
      }),
    deleteDigestSubscription: (platform, channelId) =>
      guardStore('deleteDigestSubscription', () => q.deleteSub.run(platform, channelId).changes > 0),
    listDigestSubscriptions: () =>
      guardStore('listDigestSubscriptions', () => (q.listSubs.all() as Row[]).map((row) => toSubscription(row, codec))),
    claimDigestRun: (subscriptionId, periodStart, now) =>
      guardStore(
        'claimDigestRun',
        () => q.claimRun.run(subscriptionId, periodStart, iso(now), subscriptionId).changes === 1,
      ),
    finishDigestRun: (subscriptionId, periodStart, result) =>
      guardStore('finishDigestRun', () => {
        const { changes } = q.finishRun.run(finishRunParams(subscriptionId, periodStart, result, codec));
        if (changes === 0) throw unclaimedRunError(subscriptionId, periodStart);
      }),
    getDigestRun: (subscriptionId, periodStart) =>
      guardStore('getDigestRun', () => {
        const row = q.getRun.get(subscriptionId, periodStart) as Row | undefined;
        return row ? toDigestRun(row, codec) : undefined;
      }),

    ping: () =>
      guardStore('ping', () => {
        q.ping.get();
      }),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
