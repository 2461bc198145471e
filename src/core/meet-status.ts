import type { UsageRecord } from '../meet/schemas';

/**
 * Where a Meet is in its life, read from the usage report (the Meet API has no webhooks and no way
 * to read one Meet): absent, or without a start, it has not started; with a start and no end it is
 * live; with an end it ended. The docs do not say how "no start yet" looks, so absent, null, an
 * empty string and an unreadable date all mean "not yet".
 */
export type MeetStatus =
  | { state: 'created' }
  | { state: 'live'; startedAt: Date; participants: number }
  | { state: 'ended'; startedAt?: Date; endedAt: Date; minutes: number; participants: number };

function instant(value: string | null | undefined): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

export function statusOfUsage(record: UsageRecord | undefined): MeetStatus {
  const startedAt = instant(record?.startedAt);
  const endedAt = instant(record?.endedAt);
  if (!record || (!startedAt && !endedAt)) return { state: 'created' };
  const participants = record.participants;
  if (!endedAt) return { state: 'live', startedAt: startedAt as Date, participants };
  const seconds =
    record.totalDurationInSeconds > 0
      ? record.totalDurationInSeconds
      : startedAt
        ? Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000)
        : 0;
  return {
    state: 'ended',
    ...(startedAt ? { startedAt } : {}),
    endedAt,
    minutes: Math.round(seconds / 60),
    participants,
  };
}

/** What a message showing `status` shows, as a key: the same key is never sent twice. */
export function statusKey(status: MeetStatus): string {
  switch (status.state) {
    case 'created':
      return 'created';
    case 'live':
      return `live:${status.participants}`;
    case 'ended':
      return `ended:${status.minutes}:${status.participants}`;
  }
}
