import { feedbackOfCreatedMeetings, usageOfCreatedMeetings } from './meet-life';
import { badRequest, notFound, type Reply } from './problem';
import { type Dated, findTenant, type SandboxState } from './state';
import type { Checked } from './validate';

/**
 * GET /v1/usage[/TENANT] and /v1/feedbacks[/TENANT]?from&to.
 * - from/to are ISO 8601 (`2020-07-01`, `2020-07-01T00:00:00Z`, `...T02:00:00.1234567+02:00`);
 *   without an offset they are UTC, a date alone is that day's midnight.
 * - Without from: the first instant of the month of `to` (or of now()); without to: the last
 *   instant of the current month (UTC). Both bounds are inclusive.
 * - TENANT is a tenant code (any case) or id; an unknown one is a 404, not an empty list, so a
 *   typo is not mistaken for a quiet month. Without it: the tenant and all its subtenants.
 */
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseIsoInstant(text: string): number | undefined {
  const m = isoPattern.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone = 'Z'] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const local = Date.UTC(...parts, Math.floor(Number(`0.${frac}`) * 1000));
  const check = new Date(local);
  // Rejects 2025-02-30, 24:00, 12:60 and the like, which Date.UTC would roll over.
  if (check.getUTCMonth() !== parts[1] || check.getUTCDate() !== parts[2] || check.getUTCHours() !== parts[3]) {
    return undefined;
  }
  if (parts[4] > 59 || parts[5] > 59) return undefined;
  if (zone.toUpperCase() === 'Z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return local - sign * offsetMinutes * 60_000;
}

function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function monthEnd(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
}

export function parseRange(query: Record<string, string>, nowMs: number): Checked<{ from: number; to: number }> {
  let to = monthEnd(nowMs);
  if (query.to !== undefined) {
    const parsed = parseIsoInstant(query.to);
    if (parsed === undefined) return { ok: false, detail: `to: '${query.to}' is not an ISO 8601 date` };
    to = parsed;
  }
  let from = monthStart(query.to !== undefined ? to : nowMs);
  if (query.from !== undefined) {
    const parsed = parseIsoInstant(query.from);
    if (parsed === undefined) return { ok: false, detail: `from: '${query.from}' is not an ISO 8601 date` };
    from = parsed;
  }
  if (to < from) return { ok: false, detail: `to (${query.to ?? 'end of this month'}) is before from` };
  return { ok: true, value: { from, to } };
}

function select<T>(
  state: SandboxState,
  entries: Dated<T>[],
  tenant: string | undefined,
  query: Record<string, string>,
): Reply {
  const nowMs = state.now().getTime();
  const range = parseRange(query, nowMs);
  if (!range.ok) return badRequest(range.detail);
  let code: string | undefined;
  if (tenant !== undefined) {
    const found = findTenant(state, tenant);
    if (!found) return notFound(`no tenant with code or id '${tenant}'`);
    code = found.code;
  }
  const { from, to } = range.value;
  const records = entries
    .filter(
      (e) =>
        e.atMs >= from &&
        e.atMs <= to &&
        (e.visibleFromMs === undefined || e.visibleFromMs <= nowMs) &&
        (code === undefined || e.tenantCode === code),
    )
    .sort((a, b) => a.atMs - b.atMs)
    .map((e) => e.record);
  return { status: 200, body: records };
}

function ensureSeeded(state: SandboxState): void {
  const seed = state.pendingSeed;
  state.pendingSeed = undefined;
  seed?.();
}

export function getUsage(state: SandboxState, tenant: string | undefined, query: Record<string, string>): Reply {
  ensureSeeded(state);
  const created = usageOfCreatedMeetings(state, state.now().getTime());
  return select(state, [...state.seededUsage, ...created], tenant, query);
}

export function getFeedbacks(state: SandboxState, tenant: string | undefined, query: Record<string, string>): Reply {
  ensureSeeded(state);
  return select(state, [...state.feedback, ...feedbackOfCreatedMeetings(state)], tenant, query);
}
