import Database from 'better-sqlite3';
import type { Clock } from '../core/clock';
import type { Logger } from '../logger';
import { loadMigrations } from './load-migrations';
import { migrateSqlite } from './migrate-sqlite';
import { prepareSqliteQueries } from './sqlite-queries';
import type { DigestRun, DigestSubscription, Store } from './store';
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
 * The embedded store: one SQLite file in WAL mode (readers never wait for the writer), or
 * `:memory:`. Several processes may share the file: every claim is a single statement whose
 * outcome the unique keys decide, and writers queue on the file lock (busy_timeout).
 */
export function openSqliteStore(filename: string, deps: { clock: Clock; logger: Logger }): Store {
  const db = new Database(filename);
  // busy_timeout first: even switching to WAL waits for a process that is migrating.
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
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
    createdAt: new Date(row.created_at as string),
  };
}

const jsonOrUndefined = (text: unknown): unknown => (typeof text === 'string' ? JSON.parse(text) : undefined);
const iso = (date: Date): string => date.toISOString();

function createSqliteStore(db: Database.Database, clock: Clock): Store {
  const q = prepareSqliteQueries(db);

  return {
    saveSlackInstallation: (record) =>
      guardStore('saveSlackInstallation', () => {
        q.saveInstall.run(
          slackInstallKey(record),
          record.teamId ?? null,
          record.enterpriseId ?? null,
          record.isEnterpriseInstall ? 1 : 0,
          JSON.stringify(record.installation),
          iso(clock()),
        );
      }),
    findSlackInstallation: (query) =>
      guardStore('findSlackInstallation', () => {
        const row = q.findInstall.get(slackInstallKey(query)) as Row | undefined;
        if (!row) return undefined;
        return {
          teamId: optional(row.team_id as string | null),
          enterpriseId: optional(row.enterprise_id as string | null),
          isEnterpriseInstall: row.is_enterprise_install === 1,
          installation: JSON.parse(row.installation as string),
        };
      }),
    deleteSlackInstallation: (query) =>
      guardStore('deleteSlackInstallation', () => {
        q.deleteInstall.run(slackInstallKey(query));
      }),

    saveTeamsConversation: (record) =>
      guardStore('saveTeamsConversation', () => {
        q.saveConversation.run(
          record.conversationId,
          JSON.stringify(record.reference),
          record.tenantId ?? null,
          iso(clock()),
        );
      }),
    findTeamsConversation: (conversationId) =>
      guardStore('findTeamsConversation', () => {
        const row = q.findConversation.get(conversationId) as Row | undefined;
        if (!row) return undefined;
        return {
          conversationId: row.conversation_id as string,
          reference: JSON.parse(row.reference as string),
          tenantId: optional(row.tenant_id as string | null),
          updatedAt: new Date(row.updated_at as string),
        };
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
        q.completeKey.run(iso(clock()), outcome === undefined ? null : JSON.stringify(outcome), key);
      }),
    releaseIdempotency: (key) =>
      guardStore('releaseIdempotency', () => {
        q.releaseKey.run(key);
      }),
    purgeExpiredIdempotency: (now) => guardStore('purgeExpiredIdempotency', () => q.purgeKeys.run(iso(now)).changes),

    recordMeet: (entry) =>
      guardStore('recordMeet', () => {
        q.recordMeet.run(
          iso(entry.createdAt),
          entry.platform,
          entry.workspaceId ?? null,
          entry.channelId ?? null,
          entry.userId,
          entry.userName ?? null,
          entry.meetCode,
          entry.joinUrl,
          entry.title,
          entry.template,
          JSON.stringify(auditParticipants(entry.participants)),
        );
      }),
    listMeetsByUser: ({ platform, userId, limit }) =>
      guardStore('listMeetsByUser', () =>
        (q.listMeets.all(platform, userId, limit) as Row[]).map((row) => ({
          createdAt: new Date(row.created_at as string),
          platform: row.platform as typeof platform,
          workspaceId: optional(row.workspace_id as string | null),
          channelId: optional(row.channel_id as string | null),
          userId: row.user_id as string,
          userName: optional(row.user_name as string | null),
          meetCode: row.meet_code as string,
          joinUrl: row.join_url as string,
          title: row.title as string,
          template: row.template as string,
          participants: JSON.parse(row.participants as string),
        })),
      ),

    saveDigestSubscription: (sub) =>
      guardStore('saveDigestSubscription', () => {
        const row = q.saveSub.get(
          newSubscriptionId(),
          sub.platform,
          sub.workspaceId ?? null,
          sub.channelId,
          sub.weekday,
          sub.time,
          sub.timeZone,
          sub.tenant ?? null,
          sub.createdBy,
          iso(clock()),
        ) as Row;
        return toSubscription(row);
      }),
    findDigestSubscription: (platform, channelId) =>
      guardStore('findDigestSubscription', () => {
        const row = q.findSub.get(platform, channelId) as Row | undefined;
        return row ? toSubscription(row) : undefined;
      }),
    deleteDigestSubscription: (platform, channelId) =>
      guardStore('deleteDigestSubscription', () => q.deleteSub.run(platform, channelId).changes > 0),
    listDigestSubscriptions: () =>
      guardStore('listDigestSubscriptions', () => (q.listSubs.all() as Row[]).map(toSubscription)),
    claimDigestRun: (subscriptionId, periodStart, now) =>
      guardStore(
        'claimDigestRun',
        () => q.claimRun.run(subscriptionId, periodStart, iso(now), subscriptionId).changes === 1,
      ),
    finishDigestRun: (subscriptionId, periodStart, result) =>
      guardStore('finishDigestRun', () => {
        const { changes } = q.finishRun.run(
          result.status,
          result.messageId ?? null,
          result.error ?? null,
          iso(result.at),
          subscriptionId,
          periodStart,
        );
        if (changes === 0) throw unclaimedRunError(subscriptionId, periodStart);
      }),
    getDigestRun: (subscriptionId, periodStart) =>
      guardStore('getDigestRun', () => {
        const row = q.getRun.get(subscriptionId, periodStart) as Row | undefined;
        if (!row) return undefined;
        const run: DigestRun = {
          subscriptionId: row.subscription_id as string,
          periodStart: row.period_start as string,
          status: row.status as DigestRun['status'],
          claimedAt: new Date(row.claimed_at as string),
          finishedAt: row.finished_at ? new Date(row.finished_at as string) : undefined,
          messageId: optional(row.message_id as string | null),
          error: optional(row.error as string | null),
        };
        return run;
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
