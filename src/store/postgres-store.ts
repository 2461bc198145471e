import { Pool } from 'pg';
import type { Clock } from '../core/clock';
import type { Logger } from '../logger';
import { loadMigrations } from './load-migrations';
import { migratePostgres } from './migrate-postgres';
import { postgresSql as sql } from './postgres-queries';
import { createPostgresScheduleStore } from './postgres-schedule-store';
import { createPostgresWatchStore } from './postgres-watch-store';
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
import type { Store } from './store';
import { guardStore, optional, slackInstallKey, unclaimedRunError } from './store-records';

/**
 * The store for several replicas: one pool per process, and every claim is a single
 * `INSERT … ON CONFLICT` statement, so the database's unique keys pick the one winner.
 */
export async function openPostgresStore(
  connectionString: string,
  deps: { clock: Clock; logger: Logger; poolSize?: number },
): Promise<Store> {
  // A database that is away must fail fast (readiness, a command's claim), not hang: pg waits forever
  // for a connection by default.
  const pool = new Pool({
    connectionString,
    max: deps.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => deps.logger.warn({ err: error }, 'store: idle PostgreSQL connection failed'));
  try {
    const applied = await migratePostgres(pool, loadMigrations('postgres'), deps.clock());
    if (applied.length > 0) deps.logger.info({ applied, dialect: 'postgres' }, 'store migrations applied');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createPostgresStore(pool, deps.clock);
}

/** `pg` already gives timestamptz as Date, boolean as boolean and jsonb parsed. */
const codec: Codec = {
  time: (date) => date,
  readTime: (value) => value as Date,
  flag: (value) => value,
  readFlag: (value) => value as boolean,
  readJson: (value) => value,
};

function createPostgresStore(pool: Pool, clock: Clock): Store {
  let closed = false;
  const rows = async (text: string, values: unknown[]): Promise<Row[]> => (await pool.query(text, values)).rows;
  const count = async (text: string, values: unknown[]): Promise<number> =>
    (await pool.query(text, values)).rowCount ?? 0;

  return {
    ...createPostgresWatchStore(pool, clock, codec),
    ...createPostgresScheduleStore(pool, clock, codec),
    saveSlackInstallation: (record) =>
      guardStore('saveSlackInstallation', async () => {
        await pool.query(sql.saveInstall, slackInstallParams(record, clock(), codec));
      }),
    findSlackInstallation: (query) =>
      guardStore('findSlackInstallation', async () => {
        const [row] = await rows(sql.findInstall, [slackInstallKey(query)]);
        return row ? toSlackInstallation(row, codec) : undefined;
      }),
    deleteSlackInstallation: (query) =>
      guardStore('deleteSlackInstallation', async () => {
        await pool.query(sql.deleteInstall, [slackInstallKey(query)]);
      }),

    saveTeamsConversation: (record) =>
      guardStore('saveTeamsConversation', async () => {
        await pool.query(sql.saveConversation, conversationParams(record, clock(), codec));
      }),
    findTeamsConversation: (conversationId) =>
      guardStore('findTeamsConversation', async () => {
        const [row] = await rows(sql.findConversation, [conversationId]);
        return row ? toTeamsConversation(row, codec) : undefined;
      }),
    deleteTeamsConversation: (conversationId) =>
      guardStore('deleteTeamsConversation', async () => {
        await pool.query(sql.deleteConversation, [conversationId]);
      }),

    claimIdempotency: (key, ttlMs) =>
      guardStore('claimIdempotency', async () => {
        const now = clock();
        const claim = [key, now, new Date(now.getTime() + ttlMs)];
        // A second round only when the key vanished (released) between the insert and the select.
        for (let attempt = 0; attempt < 2; attempt++) {
          if ((await count(sql.insertKey, claim)) === 1) return { status: 'claimed' as const };
          const [row] = await rows(sql.findKey, [key]);
          if (!row) continue;
          if ((row.expires_at as Date) <= now) {
            return (await count(sql.takeOverKey, claim)) === 1
              ? { status: 'claimed' as const }
              : { status: 'taken' as const };
          }
          if (!row.completed_at) return { status: 'taken' as const };
          return { status: 'taken' as const, outcome: optional(row.outcome) };
        }
        return { status: 'taken' as const };
      }),
    completeIdempotency: (key, outcome) =>
      guardStore('completeIdempotency', async () => {
        await pool.query(sql.completeKey, [clock(), jsonParam(outcome), key]);
      }),
    releaseIdempotency: (key) =>
      guardStore('releaseIdempotency', async () => {
        await pool.query(sql.releaseKey, [key]);
      }),
    purgeExpiredIdempotency: (now) => guardStore('purgeExpiredIdempotency', () => count(sql.purgeKeys, [now])),

    recordMeet: (entry) =>
      guardStore('recordMeet', async () => {
        await pool.query(sql.recordMeet, meetParams(entry, codec));
      }),
    listMeetsByUser: ({ platform, userId, limit }) =>
      guardStore('listMeetsByUser', async () =>
        (await rows(sql.listMeets, [platform, userId, limit])).map((row) => toAuditEntry(row, codec)),
      ),

    saveDigestSubscription: (sub) =>
      guardStore('saveDigestSubscription', async () => {
        const [row] = await rows(sql.saveSub, subscriptionParams(sub, clock(), codec));
        return toSubscription(row, codec);
      }),
    findDigestSubscription: (platform, channelId) =>
      guardStore('findDigestSubscription', async () => {
        const [row] = await rows(sql.findSub, [platform, channelId]);
        return row ? toSubscription(row, codec) : undefined;
      }),
    deleteDigestSubscription: (platform, channelId) =>
      guardStore('deleteDigestSubscription', async () => (await count(sql.deleteSub, [platform, channelId])) > 0),
    listDigestSubscriptions: () =>
      guardStore('listDigestSubscriptions', async () =>
        (await rows(sql.listSubs, [])).map((row) => toSubscription(row, codec)),
      ),
    claimDigestRun: (subscriptionId, periodStart, now) =>
      guardStore('claimDigestRun', async () => {
        try {
          return (await count(sql.claimRun, [subscriptionId, periodStart, now])) === 1;
        } catch (error) {
          // The subscription was deleted between the EXISTS check and the insert: nothing to send.
          if ((error as { code?: string }).code === '23503') return false;
          throw error;
        }
      }),
    finishDigestRun: (subscriptionId, periodStart, result) =>
      guardStore('finishDigestRun', async () => {
        if ((await count(sql.finishRun, finishRunParams(subscriptionId, periodStart, result, codec))) === 0) {
          throw unclaimedRunError(subscriptionId, periodStart);
        }
      }),
    getDigestRun: (subscriptionId, periodStart) =>
      guardStore('getDigestRun', async () => {
        const [row] = await rows(sql.getRun, [subscriptionId, periodStart]);
        return row ? toDigestRun(row, codec) : undefined;
      }),

    ping: () =>
      guardStore('ping', async () => {
        await pool.query('SELECT 1');
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
