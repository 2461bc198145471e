import { type Codec, jsonParam, type Row } from './row-mappers';
import { optional } from './store-records';
import type { NewWatchedMeet, WatchedMeet, WatchPatch } from './watch-records';

/**
 * The watch tables' statements (one text per dialect: SQLite `?`, PostgreSQL `$n`) and their
 * row mapping, shared by both stores.
 */

const columns =
  'meet_code, tenant, platform, workspace_id, channel_id, creator_id, message, shown, created_at, watch_from, state, feedback, updated_at';

/** `?` or `$n` placeholders. */
function params(dialect: 'sqlite' | 'postgres', count: number, from = 1): string {
  return Array.from({ length: count }, (_, i) => (dialect === 'sqlite' ? '?' : `$${from + i}`)).join(', ');
}

/** Every changeable column: a NULL parameter keeps the value (nothing is ever unset). */
const patched = [
  'state',
  'started_at',
  'ended_at',
  'participants',
  'duration_seconds',
  'shown_state',
  'feedback',
  'feedback_until',
  'message',
  'updated_at',
] as const;

export function watchSql(dialect: 'sqlite' | 'postgres') {
  const p = (n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);
  const jsonCast = dialect === 'postgres' ? '::jsonb' : '';
  return {
    insert: `INSERT INTO watched_meets (${columns}) VALUES (${params(dialect, 13)})
      ON CONFLICT (meet_code) DO NOTHING`,
    find: `SELECT * FROM watched_meets WHERE meet_code = ${p(1)}`,
    listOpen: `SELECT * FROM watched_meets
      WHERE state IN ('created', 'live') OR (state = 'ended' AND feedback = 'waiting')
      ORDER BY watch_from, meet_code`,
    listByCreator: `SELECT * FROM watched_meets
      WHERE platform = ${p(1)} AND creator_id = ${p(2)} AND created_at >= ${p(3)}
      ORDER BY created_at DESC, meet_code LIMIT ${p(4)}`,
    update: `UPDATE watched_meets SET ${patched
      .map((column, i) => `${column} = COALESCE(${p(i + 1)}${column === 'message' ? jsonCast : ''}, ${column})`)
      .join(', ')} WHERE meet_code = ${p(patched.length + 1)}`,
    claimTick: `INSERT INTO watch_ticks (tenant_key, tick_start, claimed_at) VALUES (${params(dialect, 3)})
      ON CONFLICT (tenant_key, tick_start) DO NOTHING`,
    purgeTicks: `DELETE FROM watch_ticks WHERE claimed_at < ${p(1)}`,
    claimFeedback: `UPDATE watched_meets SET feedback = 'claimed', updated_at = ${p(1)}
      WHERE meet_code = ${p(2)} AND feedback = 'waiting'`,
  };
}

export function watchInsertParams(meet: NewWatchedMeet, now: Date, c: Codec): unknown[] {
  return [
    meet.code,
    meet.tenant ?? null,
    meet.platform,
    meet.workspaceId ?? null,
    meet.channelId ?? null,
    meet.creatorId,
    jsonParam(meet.message),
    jsonParam(meet.shown),
    c.time(meet.createdAt),
    c.time(meet.watchFrom),
    'created',
    'waiting',
    c.time(now),
  ];
}

export function watchUpdateParams(code: string, patch: WatchPatch, now: Date, c: Codec): unknown[] {
  const time = (d: Date | undefined) => (d === undefined ? null : c.time(d));
  return [
    patch.state ?? null,
    time(patch.startedAt),
    time(patch.endedAt),
    patch.participants ?? null,
    patch.durationSeconds ?? null,
    patch.shownState ?? null,
    patch.feedback ?? null,
    time(patch.feedbackUntil),
    jsonParam(patch.message),
    c.time(now),
    code,
  ];
}

export function toWatchedMeet(row: Row, c: Codec): WatchedMeet {
  const time = (value: unknown) => (value == null ? undefined : c.readTime(value));
  const number = (value: unknown) => (value == null ? undefined : Number(value));
  return {
    code: row.meet_code as string,
    tenant: optional(row.tenant as string | null),
    platform: row.platform as WatchedMeet['platform'],
    workspaceId: optional(row.workspace_id as string | null),
    channelId: optional(row.channel_id as string | null),
    creatorId: row.creator_id as string,
    message: row.message == null ? undefined : c.readJson(row.message),
    shown: c.readJson(row.shown),
    createdAt: c.readTime(row.created_at),
    watchFrom: c.readTime(row.watch_from),
    state: row.state as WatchedMeet['state'],
    startedAt: time(row.started_at),
    endedAt: time(row.ended_at),
    participants: number(row.participants),
    durationSeconds: number(row.duration_seconds),
    shownState: optional(row.shown_state as string | null),
    feedback: row.feedback as WatchedMeet['feedback'],
    feedbackUntil: time(row.feedback_until),
    updatedAt: c.readTime(row.updated_at),
  };
}
