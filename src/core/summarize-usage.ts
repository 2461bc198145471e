import type { UsageRecord } from '../meet/schemas';
import { countByDay, localDay } from './local-day';
import type { UsageSummary } from './reply-model';
import { capText, meetTitleMaxChars } from './text-caps';

/** Seconds → whole minutes, half a minute and up rounding up (a 17-second Meet is 0 minutes, 30 seconds is 1). */
export function toMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}

/** Rounded to one decimal, the precision people read averages at. */
export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Milliseconds since the epoch; 0 for what is not a date, so sorting never throws. */
export function instantOf(iso: string): number {
  return Date.parse(iso) || 0;
}

/** Meets per local day, earliest first (by `createdAt`, as the API reports it). */
export function countMeetsByDay(records: UsageRecord[], timeZone: string): Array<{ date: string; meetCount: number }> {
  return countByDay(
    records.map((r) => r.createdAt),
    timeZone,
  ).map(({ date, count }) => ({ date, meetCount: count }));
}

/**
 * Usage records → the figures of a usage reply. Totals are summed in seconds and rounded to
 * minutes once, so rounding does not add up; every Meet counts as exactly one of free, covered
 * by the subscription, or charged (free wins, as the API marks short Meets free and covered).
 */
export function summarizeUsage(records: UsageRecord[], opts: { timeZone: string }): UsageSummary {
  const { timeZone } = opts;
  let totalSeconds = 0;
  let billableSeconds = 0;
  let participants = 0;
  let freeCount = 0;
  let coveredCount = 0;
  for (const r of records) {
    totalSeconds += r.totalDurationInSeconds;
    billableSeconds += r.billableDurationInSeconds;
    participants += r.participants;
    if (r.isFree) freeCount += 1;
    else if (r.isSubscriptionCovered) coveredCount += 1;
  }
  const summary: UsageSummary = {
    meetCount: records.length,
    totalMinutes: toMinutes(totalSeconds),
    billableMinutes: toMinutes(billableSeconds),
    freeCount,
    coveredCount,
    chargedCount: records.length - freeCount - coveredCount,
    averageParticipants: records.length === 0 ? 0 : roundToTenth(participants / records.length),
    longest: [...records]
      .sort(
        (a, b) =>
          b.totalDurationInSeconds - a.totalDurationInSeconds || instantOf(a.createdAt) - instantOf(b.createdAt),
      )
      .slice(0, 3)
      .map((r) => ({
        code: r.code,
        title: capText(r.title ?? '', meetTitleMaxChars),
        minutes: toMinutes(r.totalDurationInSeconds),
        date: localDay(r.createdAt, timeZone) ?? '',
      })),
  };
  // Ties go to the earliest day.
  let busiest: UsageSummary['busiestDay'];
  for (const day of countMeetsByDay(records, timeZone)) {
    if (!busiest || day.meetCount > busiest.meetCount) busiest = day;
  }
  if (busiest) summary.busiestDay = busiest;
  return summary;
}
