import type {
  AuditEntry,
  DigestRun,
  DigestSubscription,
  NewDigestSubscription,
  SlackInstallationRecord,
  Store,
  TeamsConversationRecord,
} from './store';
import { auditParticipants, newSubscriptionId, optional, slackInstallKey } from './store-records';

/**
 * Records to statement parameters and rows back to records, for both stores: the column order
 * matches sqlite-queries.ts and postgres-queries.ts, and only the `Codec` is per dialect.
 */

export type Row = Record<string, unknown>;

/** How the dialects differ in the values they take and give back; everything else is shared. */
export interface Codec {
  /** An instant as a parameter: PostgreSQL takes a Date (timestamptz), SQLite keeps ISO text. */
  time(date: Date): Date | string;
  readTime(value: unknown): Date;
  flag(value: boolean): boolean | number;
  readFlag(value: unknown): boolean;
  /** A JSON column: jsonb comes back parsed, SQLite TEXT is parsed here. */
  readJson(value: unknown): unknown;
}

/** JSON documents go in as text (`pg` would turn a bare array into a PostgreSQL array). */
export const jsonParam = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

type FinishedRun = Parameters<Store['finishDigestRun']>[2];

export function slackInstallParams(record: SlackInstallationRecord, now: Date, c: Codec): unknown[] {
  return [
    slackInstallKey(record),
    record.teamId ?? null,
    record.enterpriseId ?? null,
    c.flag(record.isEnterpriseInstall),
    jsonParam(record.installation),
    c.time(now),
  ];
}

export function toSlackInstallation(row: Row, c: Codec): SlackInstallationRecord {
  return {
    teamId: optional(row.team_id as string | null),
    enterpriseId: optional(row.enterprise_id as string | null),
    isEnterpriseInstall: c.readFlag(row.is_enterprise_install),
    installation: c.readJson(row.installation),
  };
}

export function conversationParams(record: Omit<TeamsConversationRecord, 'updatedAt'>, now: Date, c: Codec): unknown[] {
  return [record.conversationId, jsonParam(record.reference), record.tenantId ?? null, c.time(now)];
}

export function toTeamsConversation(row: Row, c: Codec): TeamsConversationRecord {
  return {
    conversationId: row.conversation_id as string,
    reference: c.readJson(row.reference),
    tenantId: optional(row.tenant_id as string | null),
    updatedAt: c.readTime(row.updated_at),
  };
}

export function meetParams(entry: AuditEntry, c: Codec): unknown[] {
  return [
    c.time(entry.createdAt),
    entry.platform,
    entry.workspaceId ?? null,
    entry.channelId ?? null,
    entry.userId,
    entry.userName ?? null,
    entry.meetCode,
    entry.joinUrl,
    entry.title,
    entry.template,
    jsonParam(auditParticipants(entry.participants)),
  ];
}

export function toAuditEntry(row: Row, c: Codec): AuditEntry {
  return {
    createdAt: c.readTime(row.created_at),
    platform: row.platform as AuditEntry['platform'],
    workspaceId: optional(row.workspace_id as string | null),
    channelId: optional(row.channel_id as string | null),
    userId: row.user_id as string,
    userName: optional(row.user_name as string | null),
    meetCode: row.meet_code as string,
    joinUrl: row.join_url as string,
    title: row.title as string,
    template: row.template as string,
    participants: c.readJson(row.participants) as AuditEntry['participants'],
  };
}

/** A new subscription's parameters; a fresh id, which the upsert keeps out when the channel has one. */
export function subscriptionParams(sub: NewDigestSubscription, now: Date, c: Codec): unknown[] {
  return [
    newSubscriptionId(),
    sub.platform,
    sub.workspaceId ?? null,
    sub.channelId,
    sub.weekday,
    sub.time,
    sub.timeZone,
    sub.tenant ?? null,
    sub.createdBy,
    c.time(now),
  ];
}

export function toSubscription(row: Row, c: Codec): DigestSubscription {
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
    createdAt: c.readTime(row.created_at),
  };
}

export function finishRunParams(subscriptionId: string, periodStart: string, result: FinishedRun, c: Codec): unknown[] {
  return [
    result.status,
    result.messageId ?? null,
    result.error ?? null,
    c.time(result.at),
    subscriptionId,
    periodStart,
  ];
}

export function toDigestRun(row: Row, c: Codec): DigestRun {
  return {
    subscriptionId: row.subscription_id as string,
    periodStart: row.period_start as string,
    status: row.status as DigestRun['status'],
    claimedAt: c.readTime(row.claimed_at),
    finishedAt: row.finished_at == null ? undefined : c.readTime(row.finished_at),
    messageId: optional(row.message_id as string | null),
    error: optional(row.error as string | null),
  };
}
