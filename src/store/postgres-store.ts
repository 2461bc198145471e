import { Pool } from 'pg';
import type { Clock } from '../core/clock';
import type { Logger } from '../logger';
import { loadMigrations } from './load-migrations';
import { migratePostgres } from './migrate-postgres';
import { postgresSql as sql } from './postgres-queries';
import type { AuditEntry, DigestRun, DigestSubscription, Store } from './store';
import {
  auditParticipants,
  guardStore,
  newSubscriptionId,
  optional,
  slackInstallKey,
  unclaimedRunError,
} from './store-records';

type Row = Record<string, unknown>;

/**
 * The store for several replicas: one pool per process, and every claim is a single
 * `INSERT … ON CONFLICT` statement, so the database's unique keys pick the one winner.
 */
export async function openPostgresStore(
  connectionString: string,
  deps: { clock: Clock; logger: Logger; poolSize?: number },
): Promise<Store> {
  const pool = new Pool({ connectionString, max: deps.poolSize ?? 10 });
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

function toSubscription(row: Row): DigestSubscription {
  return {
    id: row.id as string,
    platform: row.platform as DigestSubscription['platform'],
    workspaceId: optional(row.workspace_id as string | null),
    channelId: row.channel_id as string,
    weekday: row.weekday as number,
    time: row.time as string,
    timeZone: row.time_zone as string,
    tenant: optional(row.tenant as string | null),
    createdBy: row.created_by as string,
    createdAt: row.created_at as Date,
  };
}

function toAuditEntry(row: Row): AuditEntry {
  return {
    createdAt: row.created_at as Date,
    platform: row.platform as AuditEntry['platform'],
    workspaceId: optional(row.workspace_id as string | null),
    channelId: optional(row.channel_id as string | null),
    userId: row.user_id as string,
    userName: optional(row.user_name as string | null),
    meetCode: row.meet_code as string,
    joinUrl: row.join_url as string,
    title: row.title as string,
    template: row.template as string,
    participants: row.participants as AuditEntry['participants'],
  };
}

/** jsonb parameters go in as JSON text: `pg` would turn a bare array into a PostgreSQL array. */
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

function createPostgresStore(pool: Pool, clock: Clock): Store {
  let closed = false;
  const rows = async (text: string, values: unknown[]): Promise<Row[]> => (await pool.query(text, values)).rows;
  const count = async (text: string, values: unknown[]): Promise<number> =>
    (await pool.query(text, values)).rowCount ?? 0;

  return {
    saveSlackInstallation: (record) =>
      guardStore('saveSlackInstallation', async () => {
        await pool.query(sql.saveInstall, [
          slackInstallKey(record),
          record.teamId ?? null,
          record.enterpriseId ?? null,
          record.isEnterpriseInstall,
          json(record.installation),
          clock(),
        ]);
      }),
    findSlackInstallation: (query) =>
      guardStore('findSlackInstallation', async () => {
        const [row] = await rows(sql.findInstall, [slackInstallKey(query)]);
        if (!row) return undefined;
        return {
          teamId: optional(row.team_id as string | null),
          enterpriseId: optional(row.enterprise_id as string | null),
          isEnterpriseInstall: row.is_enterprise_install as boolean,
          installation: row.installation,
        };
      }),
    deleteSlackInstallation: (query) =>
      guardStore('deleteSlackInstallation', async () => {
        await pool.query(sql.deleteInstall, [slackInstallKey(query)]);
      }),

    saveTeamsConversation: (record) =>
      guardStore('saveTeamsConversation', async () => {
        await pool.query(sql.saveConversation, [
          record.conversationId,
          json(record.reference),
          record.tenantId ?? null,
          clock(),
        ]);
      }),
    findTeamsConversation: (conversationId) =>
      guardStore('findTeamsConversation', async () => {
        const [row] = await rows(sql.findConversation, [conversationId]);
        if (!row) return undefined;
        return {
          conversationId: row.conversation_id as string,
          reference: row.reference,
          tenantId: optional(row.tenant_id as string | null),
          updatedAt: row.updated_at as Date,
        };
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
        await pool.query(sql.completeKey, [clock(), json(outcome), key]);
      }),
    releaseIdempotency: (key) =>
      guardStore('releaseIdempotency', async () => {
        await pool.query(sql.releaseKey, [key]);
      }),
    purgeExpiredIdempotency: (now) => guardStore('purgeExpiredIdempotency', () => count(sql.purgeKeys, [now])),

    recordMeet: (entry) =>
      guardStore('recordMeet', async () => {
        await pool.query(sql.recordMeet, [
          entry.createdAt,
          entry.platform,
          entry.workspaceId ?? null,
          entry.channelId ?? null,
          entry.userId,
          entry.userName ?? null,
          entry.meetCode,
          entry.joinUrl,
          entry.title,
          entry.template,
          json(auditParticipants(entry.participants)),
        ]);
      }),
    listMeetsByUser: ({ platform, userId, limit }) =>
      guardStore('listMeetsByUser', async () =>
        (await rows(sql.listMeets, [platform, userId, limit])).map(toAuditEntry),
      ),

    saveDigestSubscription: (sub) =>
      guardStore('saveDigestSubscription', async () => {
        const [row] = await rows(sql.saveSub, [
          newSubscriptionId(),
          sub.platform,
          sub.workspaceId ?? null,
          sub.channelId,
          sub.weekday,
          sub.time,
          sub.timeZone,
          sub.tenant ?? null,
          sub.createdBy,
          clock(),
        ]);
        return toSubscription(row);
      }),
    findDigestSubscription: (platform, channelId) =>
      guardStore('findDigestSubscription', async () => {
        const [row] = await rows(sql.findSub, [platform, channelId]);
        return row ? toSubscription(row) : undefined;
      }),
    deleteDigestSubscription: (platform, channelId) =>
      guardStore('deleteDigestSubscription', async () => (await count(sql.deleteSub, [platform, channelId])) > 0),
    listDigestSubscriptions: () =>
      guardStore('listDigestSubscriptions', async () => (await rows(sql.listSubs, [])).map(toSubscription)),
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
        const values = [result.status, result.messageId ?? null, result.error ?? null, result.at];
        if ((await count(sql.finishRun, [...values, subscriptionId, periodStart])) === 0) {
          throw unclaimedRunError(subscriptionId, periodStart);
        }
      }),
    getDigestRun: (subscriptionId, periodStart) =>
      guardStore('getDigestRun', async () => {
        const [row] = await rows(sql.getRun, [subscriptionId, periodStart]);
        if (!row) return undefined;
        const run: DigestRun = {
          subscriptionId: row.subscription_id as string,
          periodStart: row.period_start as string,
          status: row.status as DigestRun['status'],
          claimedAt: row.claimed_at as Date,
          finishedAt: optional(row.finished_at as Date | null),
          messageId: optional(row.message_id as string | null),
          error: optional(row.error as string | null),
        };
        return run;
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
